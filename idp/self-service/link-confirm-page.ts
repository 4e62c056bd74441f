import { html } from 'hono/html';
import type { Html } from './view.ts';

/** What a link's confirm page says and where its button posts (`action` with the language, `page` its `data-page`). */
export interface LinkConfirmText {
  title: string;
  lead: string;
  button: string;
  action: string;
  page: string;
}

/**
 * The page an e-mailed link opens: what using it will do, and one button that uses it (a POST of
 * the token), since mail scanners fetch links and must use nothing up.
 */
export function linkConfirmPage(text: LinkConfirmText, token: string): Html {
  return html`<h1>${text.title}</h1>
    <p class="lead">${text.lead}</p>
    <form method="post" action="${text.action}" data-page="${text.page}">
      <input type="hidden" name="token" value="${token}" />
      <div class="actions"><button type="submit" class="primary" autofocus>${text.button}</button></div>
    </form>`;
}
