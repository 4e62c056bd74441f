import type { TemplateDefinition } from './engine.ts';
import { formatDateTime, httpUrl, type Language } from './format.ts';
import { button, content, heading, linkFallback, page, paragraph, plain, rich, textLink, textPage } from './layout.ts';

/** The strings of an e-mail whose point is one single-use, expiring link. */
export interface OneTimeLinkStrings {
  subject: string;
  preview: string;
  heading: string;
  intro: string;
  action: string;
  expiry: string;
  notYou: string;
}

type LinkVars<U extends string, X extends Record<string, string>> = { [K in U]: string } & { expiresAt: string } & X;

/**
 * Verification, password reset and e-mail change confirmation look alike: heading, intro,
 * one button, its expiry, the link spelled out, and what to do if it wasn't you.
 * `extraVars` adds validated values the intro may mention (e.g. the new address).
 */
export function oneTimeLinkTemplate<
  D extends { expiresAt: string },
  U extends string & keyof D,
  X extends Record<string, string> = Record<never, string>,
>(options: { name: string; urlField: U; strings: Record<Language, OneTimeLinkStrings>; extraVars?: (data: D) => X }): TemplateDefinition<D, LinkVars<U, X>> {
  const { name, urlField, strings } = options;
  return {
    name,
    subject: (_data, lang) => strings[lang].subject,
    mjml(lang) {
      const s = strings[lang];
      return page({
        lang,
        preview: rich(s.preview),
        sections: [
          content(
            heading(rich(s.heading)),
            paragraph(rich(s.intro)),
            button(urlField, rich(s.action)),
            paragraph(rich(s.expiry)),
            linkFallback(lang, urlField),
            paragraph(rich(s.notYou), { small: true }),
          ),
        ],
      });
    },
    vars: (data, lang) =>
      ({
        ...(options.extraVars?.(data) ?? {}),
        [urlField]: httpUrl(data[urlField] as unknown, urlField),
        expiresAt: formatDateTime(data.expiresAt, lang, 'expiresAt'),
      }) as LinkVars<U, X>,
    text(v, lang) {
      const s = strings[lang];
      return textPage(lang, [`${s.heading}\n\n${plain(s.intro, v)}`, textLink(s.action, v[urlField]), plain(s.expiry, v), s.notYou]);
    },
  };
}
