import { QueryTypes, type Sequelize } from 'sequelize';
import { api, loginToCallback, newKeyPair, proofFor, ticketFrom, type BrowserSession, type LoginOptions, type RunningPortal } from '../session/harness.ts';

export const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const FIREFOX_ON_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';

/** A log-in through the popup, its ticket redeemed by a browser with this User-Agent. */
export async function loginFrom(portal: RunningPortal, options: LoginOptions & { userAgent?: string }): Promise<BrowserSession> {
  const { html, loginSecret } = await loginToCallback(portal, options);
  const keys = await newKeyPair();
  const proof = await proofFor(keys, 'POST', new URL('/api/session', portal.origin));
  const headers: Record<string, string> = { dpop: proof };
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  const redeemed = await api(portal, '/api/session', { origin: options.origin, body: { ticket: ticketFrom(html), loginSecret }, headers });
  if (redeemed.response.status !== 200) throw new Error(`redeem failed: ${redeemed.response.status} ${redeemed.text}`);
  return { handle: redeemed.json.handle as string, keys };
}

export async function rows<T extends object>(sequelize: Sequelize, sql: string, bind: unknown[] = []): Promise<T[]> {
  return sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
}
