import { html } from 'hono/html';
import { dictionary } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import { common, errorText } from './messages.ts';
import { codedNotice, type Html } from './view.ts';

export const tooManyText = dictionary({
  hu: { title: 'Túl sok próbálkozás' },
  en: { title: 'Too many tries' },
});

/** A whole page for "too many tries" where there is no form to show again. */
export function tooManyPage(lang: Language, portalUrl: string): Html {
  return html`<h1>${tooManyText(lang).title}</h1>
    ${codedNotice('error', 'too_many_attempts', errorText(lang).too_many_attempts)}
    <p>${common(lang).helpPhone}</p>
    <nav class="links" aria-label="${tooManyText(lang).title}"><a href="${portalUrl}">${common(lang).backToLogin}</a></nav>`;
}
