// Passkeys in a real browser: Debian's Chromium with a CDP virtual authenticator (CTAP2, resident
// keys, user verification) stands in for the customer's phone or laptop. The customer logs in with
// the password on the IdP's own pages, adds a passkey on the account's security page, and later
// logs in with the passkey alone (no e-mail address typed). axe checks the new pages in both languages,
// and the recovery codes the customer renews after turning two-step log-in on.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { CDPSession, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app/create-app.ts';
import { silentLogger } from '../../common/http/logger.ts';
import { generateIdpKeys } from '../../idp/keys.ts';
import { createProvider } from '../../idp/provider.ts';
import { useTestDatabase } from '../support/database.ts';
import { closeServerNow } from '../support/close-server.ts';
import { createFixtures, PASSWORD, type Fixtures } from '../idp/provider-harness.ts';
import { launchBrowser, type E2eBrowser } from './support/browser.ts';
import { testPartnerSecrets } from '../support/partner-secrets.ts';
import { virtualAuthenticator } from './support/virtual-authenticator.ts';

const db = useTestDatabase();
let server: ServerType;
let origin: string;
let account: Fixtures['verified'];
let browser: E2eBrowser;
let page: Page;
let axeSource: string;
let authenticator: { cdp: CDPSession; id: string };

beforeAll(async () => {
  let app: ReturnType<typeof createApp> | undefined;
  server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  // `localhost`, not 127.0.0.1: an IP address cannot be a WebAuthn relying party id; both are secure contexts.
  const publicUrl = new URL(`http://localhost:${(server.address() as AddressInfo).port}`);
  origin = publicUrl.origin;
  const provider = createProvider({
    issuer: `${origin}/oidc`,
    sequelize: db.sequelize,
    keys: await generateIdpKeys(),
    partnerSecrets: testPartnerSecrets,
    production: false,
  });
  app = createApp({ config: { publicUrl, production: false }, sequelize: db.sequelize, provider, partnerSecrets: testPartnerSecrets, logger: silentLogger });
  account = (await createFixtures(db.sequelize, publicUrl)).verified;
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  browser = await launchBrowser({ args: ['--host-resolver-rules=MAP localhost 127.0.0.1'] });
  page = await browser.context.newPage();
  authenticator = await virtualAuthenticator(browser.context, page);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (server) await closeServerNow(server);
});

/** axe's violations on the page (injected through the DevTools protocol, which the page's CSP does not govern). */
async function axeViolations(): Promise<string[]> {
  await page.evaluate(`${axeSource};0`);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

describe('passkeys in Chromium', () => {
  it('are added on the security page after a password log-in', async () => {
    await page.goto(`${origin}/account/security?lang=hu`);
    expect(page.url()).toMatch(/\/interaction\/[^/]+$/);
    await expect(page.locator('#email').getAttribute('autocomplete')).resolves.toBe('username webauthn');
    await page.fill('#email', account.email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/account\/security/), page.click('button.primary[type="submit"]')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Fiókbiztonság');
    expect(await axeViolations()).toEqual([]);
    await page.fill('#name', 'Teszt laptop');
    await Promise.all([page.waitForURL(/done=passkey_added/), page.click('#passkey-add button[type="submit"]')]);
    await expect(page.locator('[data-code="passkey_added"]').count()).resolves.toBe(1);
    await expect(page.locator('li[data-passkey] input').inputValue()).resolves.toBe('Teszt laptop');
    const rows = await db.sequelize.query<{ n: number }>('select count(*)::int as n from passkeys where account_id = :id', {
      replacements: { id: account.id },
      type: QueryTypes.SELECT,
    });
    expect(rows[0]!.n).toBe(1);
  }, 30_000);

  it('log the customer in from the e-mail field suggestions (conditional UI), no e-mail typed', async () => {
    await browser.context.clearCookies();
    // The virtual authenticator answers the waiting conditional request at once, as a customer picking the passkey would.
    await Promise.all([page.waitForURL(/\/account\/security\?lang=en/), page.goto(`${origin}/account/security?lang=en`)]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Account security');
    await expect(page.locator('li[data-passkey] .hint').textContent()).resolves.not.toContain('not used yet');
    expect(await axeViolations()).toEqual([]);
  }, 30_000);

  it('log the customer in with the "Log in with a passkey" button where the browser offers no suggestions', async () => {
    await browser.context.clearCookies();
    const plain = await browser.context.newPage();
    await plain.addInitScript(() => {
      PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
    });
    // The same passkey, copied onto this page's authenticator (each page has its own).
    const here = await virtualAuthenticator(browser.context, plain);
    const { credentials } = await authenticator.cdp.send('WebAuthn.getCredentials', { authenticatorId: authenticator.id });
    expect(credentials).toHaveLength(1);
    for (const credential of credentials) await here.cdp.send('WebAuthn.addCredential', { authenticatorId: here.id, credential });
    await plain.goto(`${origin}/account/security?lang=hu`);
    expect(plain.url()).toMatch(/\/interaction\/[^/]+$/);
    await Promise.all([plain.waitForURL(/\/account\/security/), plain.click('#passkey-login button[type="submit"]')]);
    await expect(plain.locator('h1').textContent()).resolves.toBe('Fiókbiztonság');
    await plain.close();
  }, 30_000);

  it('leave the change-password page and the TOTP enrolment accessible in both languages', async () => {
    for (const lang of ['hu', 'en']) {
      await page.goto(`${origin}/account/change-password?lang=${lang}`);
      expect(await axeViolations()).toEqual([]);
    }
    await page.goto(`${origin}/account/security?lang=hu`);
    await Promise.all([page.waitForURL(/two-step\/start/), page.click('section[data-section="two-step"] button')]);
    expect(await axeViolations()).toEqual([]);
  }, 30_000);

  it('leave the recovery codes accessible, as two-step log-in turns on and as the customer renews them, in both languages', async () => {
    await page.goto(`${origin}/account/security?lang=hu`);
    await Promise.all([page.waitForURL(/two-step\/start/), page.click('section[data-section="two-step"] button')]);
    // The code the authenticator app would show for the key on the page.
    const secret = Secret.fromBase32((await page.locator('[data-secret]').textContent())!.replace(/\s/g, ''));
    await page.fill('#code', new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate());
    await Promise.all([page.waitForURL(/two-step\/confirm/), page.click('form[data-page="two_step_enrol"] button.primary')]);
    await expect(page.locator('[data-code="two_step_enabled"]').count()).resolves.toBe(1);
    expect(await axeViolations()).toEqual([]);
    for (const lang of ['hu', 'en']) {
      await page.goto(`${origin}/account/security?lang=${lang}`);
      await Promise.all([page.waitForURL(/two-step\/recovery-codes/), page.click('form[data-form="recovery-codes"] button')]);
      await expect(page.locator('[data-code="recovery_codes_regenerated"]').count()).resolves.toBe(1);
      await expect(page.locator('[data-recovery-codes] li').count()).resolves.toBe(10);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      expect(await axeViolations()).toEqual([]);
    }
  }, 30_000);
});
