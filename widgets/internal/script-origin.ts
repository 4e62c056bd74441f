/**
 * The origin this script was loaded from: the insurer's origin when a partner page loads
 * `https://portal.example/sdk/gp-widgets.js`. Its `/api` is the default API base.
 */
export const scriptOrigin: string = new URL(import.meta.url).origin;

/**
 * Normalises an API base URL: absolute against the page, no trailing slash. A bare origin
 * (`https://portal.example`) means its `/api`, so a partner may give just the insurer's address.
 */
export function normalizeApiBase(value: string | null | undefined): string {
  const raw = value?.trim();
  const fallback = `${scriptOrigin}/api`;
  if (!raw) return fallback;
  try {
    const url = new URL(raw, document.baseURI);
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.origin}${path || '/api'}`;
  } catch {
    return fallback;
  }
}
