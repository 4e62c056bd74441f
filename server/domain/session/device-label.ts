import { UAParser } from 'ua-parser-js';

/** Longest User-Agent header that is parsed at all (real ones are a few hundred characters). */
const MAX_USER_AGENT = 512;
const MAX_PART = 40;

/**
 * The browser and operating system of a session in words ("Firefox, Android"), for the
 * customer's list of sessions. Parsed once, when the session opens; only this label is kept,
 * never the raw User-Agent (a fingerprint) nor the client's address. Null when nothing is
 * recognised. Only names (and the OS's major version) are kept: they read the same in Hungarian
 * and English, and nothing the sender wrote freely reaches the list.
 */
export function deviceLabel(userAgent: string | undefined | null): string | null {
  if (!userAgent || userAgent.length > MAX_USER_AGENT) return null;
  const { browser, os } = new UAParser(userAgent).getResult();
  const parts = [clean(browser.name), clean(os.name && os.version ? `${os.name} ${os.version.split('.')[0]}` : os.name)].filter(
    (part): part is string => part !== null,
  );
  return parts.length ? parts.join(', ') : null;
}

/** Printable names only: letters, digits, spaces and a few marks; anything else drops the part. */
function clean(value: string | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().slice(0, MAX_PART);
  return /^[\p{L}\p{N} ._()/+-]+$/u.test(trimmed) ? trimmed : null;
}
