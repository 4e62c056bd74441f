import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie: `__Host-gp_session`, `Secure; HttpOnly; SameSite=None; Partitioned; Path=/`.
 * Partitioned (CHIPS): set from a partner's page it lives in that top-level site's partition,
 * so it is only ever sent when that partner's page embeds the widgets. `__Host-`: no Domain, only
 * this host. Browsers accept Secure cookies on http://localhost and http://127.0.0.1.
 */
export const SESSION_COOKIE = 'gp_session';
export const SESSION_COOKIE_NAME = `__Host-${SESSION_COOKIE}`;

const attributes = { prefix: 'host', path: '/', secure: true, httpOnly: true, sameSite: 'None', partitioned: true } as const;

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE, 'host') || undefined;
}

export function writeSessionCookie(c: Context, sessionId: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, sessionId, { ...attributes, maxAge: maxAgeSeconds });
}

/** Clearing a partitioned cookie needs the same attributes (Partitioned included) and Max-Age=0. */
export function clearSessionCookie(c: Context): void {
  setCookie(c, SESSION_COOKIE, '', { ...attributes, maxAge: 0 });
}
