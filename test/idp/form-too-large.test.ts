import { beforeAll, describe, expect, it } from 'vitest';
import { IDP_FORM_BODY_LIMIT } from '../../idp/pages/security.ts';
import { useTestDatabase } from '../support/database.ts';
import { codes, createHarness, nextIp, ORIGIN, type Harness } from './register-harness.ts';

/**
 * Audit finding 14 (issue 15): a form post over the size limit answered problem+json, which the
 * browser shows as raw text. Every POST route of the IdP (read from the router itself, so a new
 * form is covered without editing this file) must answer an HTML page, 413, in the page's language.
 */
const db = useTestDatabase();
let h: Harness;
let postRoutes: string[];

beforeAll(async () => {
  h = await createHarness(db.sequelize);
  postRoutes = [...new Set(h.app.routes.filter((r) => r.method === 'POST').map((r) => r.path.replace(/:[a-zA-Z]+/g, 'some-interaction-id')))];
}, 120_000);

const OVERSIZED = 'x='.padEnd(IDP_FORM_BODY_LIMIT + 1, 'a');

async function postOversized(path: string, options: { chunked?: boolean } = {}): Promise<Response> {
  // Without a Content-Length (a streamed body) the limit counts while reading.
  const body = options.chunked
    ? new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(OVERSIZED));
          controller.close();
        },
      })
    : OVERSIZED;
  const headers: Record<string, string> = { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' };
  if (!options.chunked) headers['Content-Length'] = String(OVERSIZED.length);
  return h.app.request(`${ORIGIN}${path}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit, {
    incoming: { socket: { remoteAddress: nextIp() } },
  });
}

describe('an oversized post to an IdP form', () => {
  it('is answered on every form route', () => {
    // The forms as of this audit; more may come, none may go unnoticed.
    for (const path of [
      '/interaction/some-interaction-id/login',
      '/account/register',
      '/account/forgot-password',
      '/account/reset-password',
      '/account/undo-email-change',
    ]) {
      expect(postRoutes).toContain(path);
    }
  });

  it('answers a 413 HTML page in Hungarian by default, with the page headers, on every POST route', async () => {
    for (const path of postRoutes) {
      for (const chunked of [false, true]) {
        const response = await postOversized(path, { chunked });
        const where = `${path}${chunked ? ' (streamed)' : ''}`;
        expect(response.status, where).toBe(413);
        expect(response.headers.get('content-type'), where).toMatch(/^text\/html/);
        expect(response.headers.get('content-security-policy'), where).toContain("frame-ancestors 'none'");
        expect(response.headers.get('cache-control'), where).toBe('no-store');
        const html = await response.text();
        expect(html, where).toContain('<html lang="hu">');
        expect(codes(html), where).toEqual(['payload_too_large']);
        expect(html, where).toContain('Túl sok adatot küldött');
      }
    }
  });

  it('leaves a post within the limit to the form', async () => {
    const response = await h.post('/account/forgot-password', { email: 'nobody.at.all@example.org' });
    expect(response.status).toBe(200);
    expect(codes(await response.text())).toEqual(['reset_link_sent']);
  });

  it('speaks English on an English page', async () => {
    for (const path of postRoutes) {
      const response = await postOversized(`${path}?lang=en`);
      expect(response.status, path).toBe(413);
      const html = await response.text();
      expect(html, path).toContain('<html lang="en">');
      expect(html, path).toContain('The form was too large');
    }
  });
});
