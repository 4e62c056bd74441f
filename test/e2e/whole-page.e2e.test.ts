// Every view of both example pages, as a logged-in customer sees it, in both languages and at the
// widths phones, tablets and desktops have: nothing may stick out past the viewport (the customer
// would have to scroll sideways), and axe over the whole page — the page's own markup and every
// widget's shadow DOM together — finds nothing. One log-in per page; languages are switched with
// the portal's own buttons and widths by resizing, so the run stays short.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../server/seed/index.ts';
import { launchBrowser, screenshot, type E2eBrowser } from './support/browser.ts';
import { startProduct, type Product } from './support/product.ts';
import { logIn, portalSettled } from './support/widget-page.ts';
import { overflowingElements, pageSettled } from './support/page-checks.ts';

const PERSON = DEMO_LOGINS.person;
const WIDTHS = [320, 375, 768, 1280] as const;
const LANGS = ['hu', 'en'] as const;

let product: Product;
let browser: E2eBrowser;
let axeSource: string;

/** One view of a page: how to get there from wherever the page is. */
interface View {
  name: string;
  show(page: Page): Promise<void>;
}

/** The standalone page's navigation (a click on the link, as the menu would send it at any width). */
const standaloneArea =
  (area: string): View['show'] =>
  async (page) => {
    await page.locator(`.site-nav a[data-view="${area}"]`).evaluate((link: HTMLElement) => link.click());
    await page.locator(`#${area}`).waitFor();
  };

const STANDALONE_VIEWS: View[] = [
  { name: 'attekintes', show: standaloneArea('attekintes') },
  {
    name: 'szerzodesek',
    async show(page) {
      await standaloneArea('szerzodesek')(page);
      // The contract opened in the other language is still open: back to the list.
      const back = page.locator('gp-policy-list [part~="back-button"]');
      if (await back.count()) await back.click();
      await page.locator('gp-policy-list [part~="policy-button"]').first().waitFor();
    },
  },
  {
    name: 'szerzodes-reszletei',
    async show(page) {
      await page.locator('gp-policy-list [part~="policy-button"]').first().click();
      await page.locator('gp-policy-list [part~="detail-heading"]').waitFor();
    },
  },
  {
    name: 'szamlak',
    async show(page) {
      await standaloneArea('szamlak')(page);
      await page.locator('gp-invoice-pay [part~="tab"]').first().click();
    },
  },
  {
    name: 'befizetett',
    async show(page) {
      await page.locator('gp-invoice-pay [part~="tab"]').nth(1).click();
      await page.locator('gp-invoice-pay [part~="paid-invoice"]').first().waitFor();
    },
  },
  { name: 'karbejelentes', show: standaloneArea('karbejelentes') },
  { name: 'levelezes', show: standaloneArea('levelezes') },
  { name: 'adataim', show: standaloneArea('adataim') },
];

/** The broker's page shows every widget at once: one view. */
const BROKER_VIEWS: View[] = [{ name: 'minden-widget', show: async () => undefined }];

/** What is wrong with the page as it is now, at its current width: overflowing elements and axe's violations. */
async function findings(page: Page): Promise<string[]> {
  await pageSettled(page);
  const found = (await overflowingElements(page)).map((o) => `overflow: ${o}`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource};0`);
  const axe = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }
    ).axe.run({ resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `axe ${v.id}: ${JSON.stringify(n.target)}`));
  });
  return [...found, ...axe];
}

/** Every view of the page in one language, at every width: what is wrong, each line naming where. */
async function checkLanguage(page: Page, site: string, lang: (typeof LANGS)[number], views: View[]): Promise<string[]> {
  const problems: string[] = [];
  await page.locator(`gp-portal [part~="lang-button"][lang="${lang}"]`).click();
  for (const view of views) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await view.show(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const finding of await findings(page)) problems.push(`${site} ${lang} ${view.name} ${width}px: ${finding}`);
      await screenshot(page, join('whole-page', `${site}-${lang}-${view.name}-${width}`), 'jpeg');
    }
  }
  return problems;
}

/**
 * Logs in once on the site; a second page of the same site shares the session (the key store is
 * the site's), so the two languages are checked side by side, one page each.
 */
async function checkEveryView(url: string, site: string, views: View[]): Promise<void> {
  const first = await browser.context.newPage();
  await first.goto(url);
  if ((await portalSettled(first)) === 'anonymous') await logIn(first, PERSON.username, PERSON.password);
  const second = await browser.context.newPage();
  await second.goto(url);
  expect(await portalSettled(second)).toBe('authenticated');
  const pages = [first, second];
  const problems = (await Promise.all(LANGS.map((lang, i) => checkLanguage(pages[i]!, site, lang, views)))).flat();
  for (const page of pages) await page.close();
  expect(problems).toEqual([]);
}

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  product = await startProduct();
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await product?.close();
}, 60_000);

describe('every page at every width, checked whole', () => {
  it('the broker partner’s page with every widget: nothing wider than 320–1280 px, no axe violation, hu and en', async () => {
    await checkEveryView(product.brokerUrl, 'broker', BROKER_VIEWS);
  }, 120_000);

  it('the insurer’s standalone page, every view: nothing wider than 320–1280 px, no axe violation, hu and en', async () => {
    await checkEveryView(product.insurerUrl, 'standalone', STANDALONE_VIEWS);
  }, 180_000);
});
