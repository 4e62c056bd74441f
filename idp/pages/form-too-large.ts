import type { Context } from 'hono';
import { html } from 'hono/html';
import { dictionary, pickLang } from './language.ts';
import { page } from './layout.ts';

/**
 * The answer to a form post over the size limit: the IdP's forms are pages in a browser, so the
 * refusal is a page too (413, in the page's language, with the stable code in `data-code`), not
 * the API's problem+json, which a browser would show as raw text. Nothing of the body was read.
 */
const text = dictionary({
  hu: {
    title: 'Túl sok adatot küldött',
    message:
      'Az elküldött űrlap a megengedettnél több adatot tartalmazott, ezért nem dolgoztuk fel. Kérjük, lépjen vissza, és küldje el újra rövidebb adatokkal.',
    home: 'Vissza az Ügyfélportálra',
  },
  en: {
    title: 'The form was too large',
    message: 'The form you sent held more data than allowed, so we did not process it. Please go back and send it again with shorter entries.',
    home: 'Back to the Customer Portal',
  },
});

export function formTooLarge(c: Context<{ Variables: { nonce: string } }>): Response | Promise<Response> {
  const lang = pickLang(c);
  const s = text(lang);
  const body = html`<h1>${s.title}</h1>
    <div class="notice notice-error" role="alert" data-code="payload_too_large">${s.message}</div>
    <div class="actions"><a class="button primary" href="/">${s.home}</a></div>`;
  return c.html(page({ lang, title: s.title, nonce: c.get('nonce'), currentUrl: '/', body }), 413);
}
