import type { ElementHandle, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.ts';
import type { BrowserWindow, CustomerBrowser, EngineConfiguration } from '../customer-browser.ts';
import { elementHandle, type Path } from '../deep-query.ts';

/**
 * Chromium (Debian's, through playwright-core) with third-party cookies blocked, as the main
 * end-to-end suite launches it (support/browser.ts); the test certificate's key is the only
 * one accepted besides the system's trust (`--ignore-certificate-errors-spki-list`).
 */
export const chromiumThirdPartyBlocked: EngineConfiguration = {
  id: 'chromium',
  title: 'Chromium, third-party cookies blocked',
  async launch({ spkiSha256 }) {
    const browser = await launchBrowser({ args: [`--ignore-certificate-errors-spki-list=${spkiSha256}`] });
    return {
      async firstWindow() {
        return playwrightWindow(browser.context.pages()[0] ?? (await browser.context.newPage()));
      },
      async windowOpenedBy(action, timeoutMs) {
        const opened = browser.context.waitForEvent('page', { timeout: timeoutMs }).catch(() => null);
        await action();
        const page = await opened;
        return page && playwrightWindow(page);
      },
      close: () => browser.close(),
    } satisfies CustomerBrowser;
  },
};

function playwrightWindow(page: Page): BrowserWindow {
  const element = (path: Path, text?: RegExp) => elementHandle<ElementHandle<HTMLElement>>((expression) => page.evaluateHandle(expression), path, text);
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: (expression) => page.evaluate(expression),
    click: async (path, text) => (await element(path, text)).click(),
    fill: async (path, value) => (await element(path)).fill(value),
    screenshot: async (file) => void (await page.screenshot({ path: file, fullPage: true })),
    isClosed: async () => page.isClosed(),
    close: () => page.close(),
  };
}
