import type { Context } from 'hono';
import { html } from 'hono/html';
import { dictionary } from '../pages/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import type { Language } from '../../common/language.ts';
import { clientAddress } from '../../common/security/client-address.ts';
import { common, errorText } from './messages.ts';
import { SELF_SERVICE_RULES } from './throttle-rules.ts';
import { codedNotice, render, type Html } from './view.ts';

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

/**
 * The per-address limit on using an e-mailed link (verification, reset, e-mail change, undo):
 * undefined while allowed, else the "too many tries" page (429, with `Retry-After`).
 */
export async function linkUseRefused(
  c: Context<PageEnv>,
  deps: Pick<IdpRouteDeps, 'throttle' | 'trustProxy'>,
  lang: Language,
  portalUrl: string,
): Promise<Response | undefined> {
  const ip = await deps.throttle.hit(SELF_SERVICE_RULES.tokenIp, clientAddress(c, deps.trustProxy));
  if (ip.allowed) return undefined;
  const headers = { 'Retry-After': String(Math.max(1, ip.retryAfter)) };
  return render(c, { lang, title: tooManyText(lang).title, body: tooManyPage(lang, portalUrl), status: 429, headers });
}
