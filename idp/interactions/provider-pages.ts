import { randomBytes } from 'node:crypto';
import type { KoaContextWithOIDC, ErrorOut } from 'oidc-provider';
import type { Language } from '../../common/language.ts';
import { loggedOutPage, logoutPage, messagePage, type PageContext } from './pages.ts';
import { contentSecurityPolicy, nonceSource } from '../../common/http/csp.ts';

/**
 * The pages oidc-provider renders itself (logout confirmation, "signed out", errors), in the
 * page kit's look. They leave Hono's middleware behind (the provider writes the raw Node
 * response), so they set the same protective headers as `idpPageSecurity` here.
 */
const LANG_COOKIE = 'gp_lang';

function pageContext(ctx: KoaContextWithOIDC): PageContext {
  const nonce = randomBytes(16).toString('base64');
  const req = ctx.req as typeof ctx.req & { originalUrl?: string };
  return { lang: langOf(ctx), nonce, currentUrl: req.originalUrl ?? ctx.url };
}

/** `?lang=` (remembered), the `gp_lang` cookie, the request's `ui_locales`, else Hungarian. */
function langOf(ctx: KoaContextWithOIDC): Language {
  const query = ctx.query.lang;
  if (query === 'hu' || query === 'en') {
    ctx.cookies.set(LANG_COOKIE, query, { signed: false, httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000, overwrite: true });
    return query;
  }
  const cookie = ctx.cookies.get(LANG_COOKIE, { signed: false });
  if (cookie === 'hu' || cookie === 'en') return cookie;
  const uiLocales = (ctx.oidc?.params?.ui_locales as string | undefined) ?? '';
  return uiLocales
    .split(/\s+/)
    .find((l) => l.startsWith('en') || l.startsWith('hu'))
    ?.startsWith('en')
    ? 'en'
    : 'hu';
}

function protect(ctx: KoaContextWithOIDC, nonce: string, formTargets: string[] = []): void {
  ctx.set(
    'Content-Security-Policy',
    contentSecurityPolicy({
      'script-src': [nonceSource(nonce)],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'form-action': ["'self'", ...formTargets],
    }),
  );
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Pragma', 'no-cache');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.type = 'html';
}

/** `features.rpInitiatedLogout.logoutSource`: "do you want to sign out?" */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const page = pageContext(ctx);
  const client = ctx.oidc.client;
  // The confirmation redirects to the client's post-logout URI: form-action must allow it.
  const targets = [...new Set((client?.postLogoutRedirectUris ?? []).map((uri) => new URL(uri).origin))];
  protect(ctx, page.nonce, targets);
  ctx.body = await logoutPage({ ...page, form, partner: client?.clientName ?? null });
}

/** `features.rpInitiatedLogout.postLogoutSuccessSource`: "you have signed out". */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const page = pageContext(ctx);
  protect(ctx, page.nonce);
  ctx.body = await loggedOutPage(page);
}

/** OAuth error codes worth showing (to quote to customer service); descriptions never are. */
const SHOWN_CODES = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_redirect_uri',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'invalid_target',
  'server_error',
  'temporarily_unavailable',
  'login_required',
  'consent_required',
  'interaction_required',
]);

/** `renderError`: a calm page in the portal's look, with the error code and nothing else. */
export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut, _error: Error): Promise<void> {
  const page = pageContext(ctx);
  protect(ctx, page.nonce);
  const code = typeof out.error === 'string' && SHOWN_CODES.has(out.error) ? out.error : null;
  const expired = out.error === 'invalid_request' && /interaction|session/i.test(String(out.error_description ?? ''));
  ctx.body = await messagePage({ ...page, kind: expired ? 'expired' : 'error', code });
}
