/**
 * The origin this script was loaded from: the insurer's origin when a partner page loads
 * `https://portal.example/sdk/gp-widgets.js`. It is the default API base.
 */
export const scriptOrigin: string = new URL(import.meta.url).origin;

/** Normalises an API base URL: absolute against the page, no trailing slash. */
export function normalizeApiBase(value: string | null | undefined): string {
  const raw = value?.trim();
  if (!raw) return scriptOrigin;
  try {
    const url = new URL(raw, document.baseURI);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return scriptOrigin;
  }
}
