import { INSURER } from '../../../common/insurer.ts';
import type { Vars } from './engine.ts';
import type { Language } from './format.ts';
import { box, content, heading, page, paragraph, plain, rich, textPage } from './layout.ts';

/**
 * The shape of the account-security notices (password changed, e-mail change requested, account
 * opened): what happened, "if it was you, nothing to do", and a box "wasn't it you? call us",
 * then whatever action a notice adds. `{servicePhone}` and `{serviceEmail}` come from
 * `serviceContact()`.
 */
export interface SecurityNoticeStrings {
  preview: string;
  heading: string;
  intro: string;
  you: string;
  notYouTitle: string;
  notYou: string;
}

export const serviceContact = () => ({ servicePhone: INSURER.phone, serviceEmail: INSURER.email });

/** The MJML page; `after`: sections that follow the box (a button, say). */
export function securityNoticeMjml(lang: Language, s: SecurityNoticeStrings, ...after: string[]): string {
  return page({
    lang,
    preview: rich(s.preview),
    sections: [
      content(heading(rich(s.heading)), paragraph(rich(s.intro)), paragraph(rich(s.you))),
      box(paragraph(`<strong>${rich(s.notYouTitle)}</strong>`, { last: true }), paragraph(rich(s.notYou), { last: true })),
      ...after,
    ],
  });
}

/** The plain-text part; `after`: paragraphs that follow (a link, say; empty ones are left out). */
export function securityNoticeText(lang: Language, s: SecurityNoticeStrings, vars: Vars, ...after: (string | null)[]): string {
  return textPage(lang, [`${s.heading}\n\n${plain(s.intro, vars)}`, s.you, `${s.notYouTitle}\n${plain(s.notYou, vars)}`, ...after]);
}
