import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, nonceSource } from '../../../common/http/csp.ts';

describe('contentSecurityPolicy', () => {
  it('starts locked down: nothing loads, no base, no framing, no form posts, no plugins', () => {
    expect(contentSecurityPolicy({})).toBe("default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'; object-src 'none'");
  });

  it("writes the page's directives first, in order (a bare one as written), then the defaults it left alone", () => {
    const csp = contentSecurityPolicy({ sandbox: [''], 'script-src': [nonceSource('abc')], 'form-action': ["'self'", 'https://pay.example'] });
    expect(csp).toBe(
      "sandbox; script-src 'nonce-abc'; form-action 'self' https://pay.example; default-src 'none'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('leaves out a directive given as an empty list', () => {
    expect(contentSecurityPolicy({ 'default-src': [], 'form-action': [] })).toBe("base-uri 'none'; frame-ancestors 'none'; object-src 'none'");
  });
});
