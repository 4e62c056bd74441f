/**
 * One way to write a Content-Security-Policy. Every page starts from nothing allowed
 * (`default-src 'none'`), no `<base>`, no framing by anyone, no form posts, no plugins; a page
 * names only the sources it really uses. The page's directives come first, in the order written,
 * then the defaults it left alone. A directive given as `[]` is left out, one given as `['']` is
 * written bare (`sandbox`).
 */
export type CspDirectives = Record<string, readonly string[]>;

const LOCKED_DOWN: CspDirectives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

export function contentSecurityPolicy(directives: CspDirectives): string {
  const merged: CspDirectives = { ...directives, ...Object.fromEntries(Object.entries(LOCKED_DOWN).filter(([name]) => !(name in directives))) };
  return Object.entries(merged)
    .filter(([, sources]) => sources.length > 0)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`.trim())
    .join('; ');
}

/** `'nonce-…'` for a script or style source list. */
export const nonceSource = (nonce: string) => `'nonce-${nonce}'`;
