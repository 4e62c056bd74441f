import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problemResponse } from '../../common/http/problem.ts';
import { contentSecurityPolicy, nonceSource } from '../../common/http/csp.ts';
import { formTooLarge } from './form-too-large.ts';

/** The IdP's forms are a few short fields (a password is read up to 1 KB): anything larger is refused unread. */
export const IDP_FORM_BODY_LIMIT = 16 * 1024;

export type PageEnv = {
  Variables: {
    nonce: string;
    /** Extra origins a page may load images from (a partner's logo on the consent page). */
    imgOrigins?: string[];
  };
};

/**
 * Headers for every IdP page: a nonce-based CSP (no inline code without the nonce, styles only
 * from our own stylesheet), no caching of pages that hold personal data or one-time links, no
 * framing. No Cross-Origin-Opener-Policy: the login popup must keep `window.opener`.
 * POSTs must come from our own origin (forms are same-origin; this stops cross-site posting),
 * and carry at most IDP_FORM_BODY_LIMIT bytes (a 413 page `payload_too_large`, before anything reads them).
 */
export function idpPageSecurity(options: { publicOrigin: string }): MiddlewareHandler<PageEnv> {
  const limit = bodyLimit({ maxSize: IDP_FORM_BODY_LIMIT, onError: formTooLarge });
  return async function idpPageSecurity(c, next) {
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      if (origin !== options.publicOrigin) {
        return problemResponse(c, {
          type: 'about:blank#cross_origin_form',
          title: 'Form posted from another origin',
          status: 403,
          code: 'cross_origin_form',
        });
      }
      // The rest runs with a body read at most to the limit; over it, the 413 page (with the page headers).
      return page(c, async () => {
        const refused = await limit(c, next);
        if (refused instanceof Response) c.res = refused;
      });
    }
    return page(c, next);
  };

  async function page(c: Parameters<MiddlewareHandler<PageEnv>>[0], next: () => Promise<void>): Promise<void> {
    const nonce = randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    const h = c.res.headers;
    h.set(
      'Content-Security-Policy',
      contentSecurityPolicy({
        'script-src': [nonceSource(nonce)],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', ...(c.get('imgOrigins') ?? [])],
        'form-action': ["'self'"],
        // The passkey script asks its own origin for WebAuthn options (issue 16); nothing else.
        'connect-src': ["'self'"],
      }),
    );
    h.set('Cache-Control', 'no-store');
    h.set('Pragma', 'no-cache');
    h.set('X-Frame-Options', 'DENY');
    // Not "no-referrer": under it browsers send `Origin: null` on same-origin form posts, which the
    // check above refuses. "same-origin" sends the Origin to ourselves and no referrer elsewhere.
    h.set('Referrer-Policy', 'same-origin');
  }
}
