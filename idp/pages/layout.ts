import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { dictionary } from './language.ts';
import type { Language } from '../../common/language.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const t = dictionary({
  hu: {
    insurer: 'Gránit Pont Biztosító',
    portal: 'Ügyfélportál',
    skip: 'Ugrás a tartalomra',
    switchTo: 'English',
    switchLabel: 'Switch to English',
    footer: 'Gránit Pont Biztosító Zrt. · 1134 Budapest, Gránit köz 1. · Ügyfélszolgálat: +36 1 555 0100',
    privacy: 'Dokumentumait adatvédelmi okokból (GDPR, IDD) kizárólag az Ügyfélportálon tesszük elérhetővé.',
  },
  en: {
    insurer: 'Gránit Pont Biztosító',
    portal: 'Customer Portal',
    skip: 'Skip to content',
    switchTo: 'Magyar',
    switchLabel: 'Váltás magyar nyelvre',
    footer: 'Gránit Pont Biztosító Zrt. · 1134 Budapest, Gránit köz 1. · Customer service: +36 1 555 0100',
    privacy: 'For data-protection reasons (GDPR, IDD) your documents are available only in the Customer Portal.',
  },
});

export interface PageOptions {
  lang: Language;
  /** The page's own title; the document title becomes "<title> – Gránit Pont Ügyfélportál". */
  title: string;
  nonce: string;
  /** The current path and query, for the language switch link (`lang` is replaced). */
  currentUrl: string;
  body: Html;
}

/**
 * The frame of every IdP page (login, consent, registration, password reset …): the insurer's
 * header, a language switch, one `<main>`, a footer. No scripts are needed: focus on the first
 * error is `autofocus`, so the pages work with JavaScript off. The referrer policy is
 * "same-origin", not "no-referrer": under the latter browsers post forms with `Origin: null`,
 * which the same-origin POST check refuses.
 */
export function page(options: PageOptions): Html {
  const s = t(options.lang);
  const other: Language = options.lang === 'hu' ? 'en' : 'hu';
  return html`<!doctype html>
    <html lang="${options.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>${options.title} – ${s.insurer} ${s.portal}</title>
        <link rel="stylesheet" href="/idp-assets/idp.css" />
      </head>
      <body>
        <a class="skip" href="#main">${s.skip}</a>
        <header class="top">
          <div class="brand"><span class="logo" aria-hidden="true"></span><span><strong>${s.insurer}</strong> ${s.portal}</span></div>
          <a class="lang" href="${switchLanguageUrl(options.currentUrl, other)}" lang="${other}" hreflang="${other}" aria-label="${s.switchLabel}">${s.switchTo}</a>
        </header>
        <main id="main" tabindex="-1">
          <div class="card">${options.body}</div>
        </main>
        <footer class="bottom"><p>${s.footer}</p><p>${s.privacy}</p></footer>
      </body>
    </html>`;
}

export function switchLanguageUrl(currentUrl: string, lang: Language): string {
  const url = new URL(currentUrl, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export { raw };
