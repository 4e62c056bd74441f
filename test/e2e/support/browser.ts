import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs } from '../../../scripts/system-tools.mjs';

/** Where each run leaves its screenshots (a CI artifact; git-ignored). */
export const ARTIFACTS = join(process.cwd(), 'test-results', 'e2e');

export interface E2eBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with third-party cookies BLOCKED explicitly (Chromium's own
 * default differs between contexts): written into the profile's preferences before launch,
 * and enforced again per page over CDP.
 */
export async function launchBrowser(options: { args?: string[] } = {}): Promise<E2eBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'gp-e2e-chromium-'));
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    // *.test names resolve to loopback: a third site for the cross-site checks.
    args: [...chromiumArgs, '--host-resolver-rules=MAP *.test 127.0.0.1', ...(options.args ?? [])],
    viewport: { width: 1280, height: 900 },
    locale: 'hu-HU',
    timezoneId: 'Europe/Budapest',
  });
  context.on('page', (page) => void blockThirdPartyCookies(page));
  for (const page of context.pages()) await blockThirdPartyCookies(page);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function blockThirdPartyCookies(page: Page): Promise<void> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCookieControls' as never, { enableThirdPartyCookieRestriction: true } as never);
  } catch {
    // Older protocol without the command: the profile preference already blocks them.
  }
}

/** A full-page screenshot; `jpeg` where many are taken (a third of a PNG's encoding time). */
export async function screenshot(page: Page, name: string, type: 'png' | 'jpeg' = 'png'): Promise<void> {
  const path = join(ARTIFACTS, `${name}.${type === 'png' ? 'png' : 'jpg'}`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true, type, ...(type === 'jpeg' ? { quality: 80 } : {}) });
}

/** Every place a page script could keep a secret: web storage, IndexedDB, script-visible cookies. */
export async function clientSideState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: string[] = [document.cookie];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) dump.push(`${store.key(i)}=${store.getItem(store.key(i)!)}`);
    }
    const databases = (await indexedDB.databases?.()) ?? [];
    dump.push(...databases.map((d) => `idb:${d.name}`));
    return dump.join('\n');
  });
}
