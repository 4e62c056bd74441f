import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';
import { authorizationRequest, Browser, relyingParty, useIdp } from './provider-harness.ts';

/**
 * Issue 15, finding 12: the two pages oidc-provider renders itself with an inline auto-submit
 * script (form_post, and /session/end without a login) run under a nonce-based `script-src`
 * that admits exactly that script (by its hash) and nothing else, and cannot be framed.
 */
const db = useTestDatabase();
const idp = useIdp(db);

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The page's one inline script is allowed by its hash; script-src has a nonce and no 'unsafe-inline'. */
function expectScriptLockedDown(response: Response, html: string) {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  const csp = directives(response.headers.get('content-security-policy'));
  const scriptSrc = csp.get('script-src') ?? [];
  expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`);
  expect(scriptSrc.some((s) => /^'nonce-[A-Za-z0-9+/=]{20,}'$/.test(s))).toBe(true);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
}

describe("oidc-provider's own auto-submitting pages", () => {
  it('/session/end without a login: the logout form posts itself under a nonce-based script-src', async () => {
    const response = await new Browser(idp.publicUrl.origin).request(`${idp.issuer}/session/end`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('document.forms[0].submit()');
    expectScriptLockedDown(response, html);
  });

  it('a form_post response (here an error back to the client) posts itself under a nonce-based script-src', async () => {
    const auth = await authorizationRequest(await relyingParty(idp, idp.fixtures), idp.fixtures, { response_mode: 'form_post' });
    auth.url.searchParams.delete('code_challenge');
    auth.url.searchParams.delete('code_challenge_method');
    const response = await new Browser(idp.publicUrl.origin).request(auth.url);
    const html = await response.text();
    expect(html).toContain(`action="${idp.fixtures.redirectUri}"`);
    expect(html).toContain('name="error" value="invalid_request"');
    expectScriptLockedDown(response, html);
  });

  it('each response gets a nonce of its own', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => {
        const response = await new Browser(idp.publicUrl.origin).request(`${idp.issuer}/session/end`);
        return (directives(response.headers.get('content-security-policy')).get('script-src') ?? []).find((s) => s.startsWith("'nonce-"));
      }),
    );
    expect(nonces[0]).toBeDefined();
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
