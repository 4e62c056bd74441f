import type { EngineConfiguration } from './customer-browser.ts';
import { chromiumThirdPartyBlocked } from './engines/chromium.ts';
import { firefox } from './engines/firefox.ts';
import { webkitNoThirdParty } from './engines/webkit.ts';

/**
 * The browser matrix: every row runs the same journey (journey.ts). `E2E_ENGINES=id,id` runs
 * only those rows.
 */
export const MATRIX: EngineConfiguration[] = [
  chromiumThirdPartyBlocked,
  firefox({ id: 'firefox-tcp', title: 'Firefox ESR, Total Cookie Protection (cookieBehavior 5, the default)', cookieBehavior: 5 }),
  firefox({ id: 'firefox-redirect', title: 'Firefox ESR, popups blocked: log-in by redirect (cookieBehavior 5)', cookieBehavior: 5, blockPopups: true }),
  // These two refuse even partitioned cookies: they show that the session needs no cookie at all
  // (README.md, "Why these rows").
  firefox({ id: 'firefox-reject-third-party', title: 'Firefox ESR, third-party cookies rejected (cookieBehavior 1)', cookieBehavior: 1 }),
  webkitNoThirdParty,
];

/** The rows `E2E_ENGINES` selects (all when unset); an unknown id is an error, not a silent skip. */
export function selectedEngines(matrix: EngineConfiguration[], selection = process.env.E2E_ENGINES): EngineConfiguration[] {
  if (!selection?.trim()) return matrix;
  const ids = selection
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !matrix.some((engine) => engine.id === id));
  if (unknown.length) throw new Error(`E2E_ENGINES names unknown engines: ${unknown.join(', ')} (known: ${matrix.map((e) => e.id).join(', ')})`);
  return matrix.filter((engine) => ids.includes(engine.id));
}
