import { randomBytes } from 'node:crypto';
import { contentSecurityPolicy, nonceSource } from '../../../common/http/csp.ts';

/**
 * What the login popup shows after the IdP sent it back to the callback: a tiny page whose one
 * script hands the result to the partner page that opened it — `postMessage` to that page's exact
 * origin, so no other window can read it — and closes the popup. No token is ever in it: only a
 * one-time ticket the partner page redeems within a minute. The page sends a nonce-based CSP and
 * deliberately no Cross-Origin-Opener-Policy (COOP would sever `window.opener`).
 */
export type LoginResultMessage = { type: 'gp-login'; ticket: string } | { type: 'gp-login-error'; code: string };

export interface CallbackPage {
  html: string;
  headers: Record<string, string>;
}

const TEXT = {
  done: ['A bejelentkezés befejeződött. Ez az ablak bezárható.', 'Login complete. You can close this window.'],
  failed: ['A bejelentkezés nem sikerült. Zárja be ezt az ablakot, és próbálja újra.', 'Login failed. Close this window and try again.'],
} as const;

/** The popup result page; `targetOrigin` must be the partner page's exact registered origin. */
export function popupResultPage(message: LoginResultMessage, targetOrigin: string): CallbackPage {
  const nonce = randomBytes(16).toString('base64');
  const text = message.type === 'gp-login' ? TEXT.done : TEXT.failed;
  const script = `(function () {
  var message = ${scriptJson(message)};
  var opener = window.opener;
  if (opener && !opener.closed) {
    opener.postMessage(message, ${scriptJson(targetOrigin)});
    window.close();
  }
})();`;
  return { html: page(text, `<script nonce="${nonce}">\n${script}\n</script>`), headers: pageHeaders(nonce) };
}

/** A login we can't route back to anyone (unknown or used state): text only, no script. */
export function failurePage(): CallbackPage {
  return { html: page(TEXT.failed, ''), headers: pageHeaders(null) };
}

/** Headers for every callback answer (pages and redirects): never cached, no referrer (the URL held a code). */
export function callbackHeaders(): Record<string, string> {
  return { 'Cache-Control': 'no-store', Pragma: 'no-cache', 'Referrer-Policy': 'no-referrer' };
}

function pageHeaders(nonce: string | null): Record<string, string> {
  return {
    ...callbackHeaders(),
    'Content-Security-Policy': contentSecurityPolicy({ 'script-src': [nonce ? nonceSource(nonce) : "'none'"] }),
    'X-Frame-Options': 'DENY',
  };
}

function page([hu, en]: readonly [string, string], script: string): string {
  return `<!doctype html>
<html lang="hu">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Ügyfélportál</title>
</head>
<body>
<p>${hu}</p>
<p lang="en">${en}</p>
${script}
</body>
</html>
`;
}

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers, no line separators). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
