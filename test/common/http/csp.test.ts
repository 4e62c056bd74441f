import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, nonceSource } from '../../../common/http/csp.ts';

describe('contentSecurityPolicy', () => {
  it('starts locked down: nothing loads, no base, no framing, no form posts, no plugins', () => {
    expect(contentSecurityPolicy({})).toBe("default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'; object-src 'none'");
  });

  it('replaces a default where the page names its sources, adds the rest in order, and writes a bare directive', () => {
    const csp = contentSecurityPolicy({ 'script-src': [nonceSource('abc')], 'form-action': ["'self'", 'https://pay.example'], sandbox: [''] });
    expect(csp).toBe(
      "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' https://pay.example; object-src 'none'; script-src 'nonce-abc'; sandbox",
    );
  });

  it('leaves out a directive given as an empty list', () => {
    expect(contentSecurityPolicy({ 'default-src': [], 'form-action': [] })).toBe("base-uri 'none'; frame-ancestors 'none'; object-src 'none'");
  });
});
