import puppeteer, { type ElementHandle, type Page } from 'puppeteer-core';
import type { BrowserWindow, CustomerBrowser, EngineConfiguration } from '../customer-browser.ts';
import { elementHandle, type Path } from '../deep-query.ts';
import { TEST_HOSTS } from '../sites.ts';

/**
 * Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver). puppeteer's
 * own Firefox preferences switch Total Cookie Protection off, so `network.cookie.cookieBehavior`
 * is set in every run: 5 is Firefox's default (Total Cookie Protection), 1 rejects third-party
 * cookies. `network.dns.localDomains` resolves the test sites to loopback; the test CA is
 * accepted through WebDriver's `acceptInsecureCerts`. `blockPopups` makes Firefox's own popup
 * blocker refuse every window, so the portal logs in by redirect.
 */
export function firefox(options: { id: string; title: string; cookieBehavior: 1 | 5; blockPopups?: boolean }): EngineConfiguration {
  return {
    id: options.id,
    title: options.title,
    redirectLogin: options.blockPopups,
    async launch() {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        headless: true,
        acceptInsecureCerts: true,
        defaultViewport: { width: 1280, height: 900 },
        extraPrefsFirefox: {
          'network.cookie.cookieBehavior': options.cookieBehavior,
          'network.dns.localDomains': TEST_HOSTS.join(','),
          'intl.accept_languages': 'hu-HU, hu',
          // Firefox's popup blocker with no event allowed to open a window and no popup allowed
          // at all: window.open answers null, even on a click (measured: either pref alone lets it through).
          ...(options.blockPopups ? { 'dom.disable_open_during_load': true, 'dom.popup_allowed_events': '', 'dom.popup_maximum': 0 } : {}),
        },
      });
      const known = new Set<Page>(await browser.pages());
      return {
        async firstWindow() {
          const [page] = await browser.pages();
          return puppeteerWindow(page ?? (await browser.newPage()));
        },
        async windowOpenedBy(action, timeoutMs) {
          for (const page of await browser.pages()) known.add(page);
          await action();
          const deadline = Date.now() + timeoutMs;
          while (Date.now() < deadline) {
            const fresh = (await browser.pages()).find((page) => !known.has(page));
            if (fresh) {
              known.add(fresh);
              return puppeteerWindow(fresh);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return null;
        },
        close: () => browser.close(),
      } satisfies CustomerBrowser;
    },
  };
}

function puppeteerWindow(page: Page): BrowserWindow {
  const element = (path: Path, text?: RegExp) => elementHandle<ElementHandle<HTMLElement>>((expression) => page.evaluateHandle(expression), path, text);
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    click: async (path, text) => (await element(path, text)).click(),
    async fill(path, value) {
      const input = await element(path);
      await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
      await input.type(value);
    },
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png`, fullPage: true })),
    isClosed: async () => page.isClosed(),
    close: () => page.close(),
  };
}
