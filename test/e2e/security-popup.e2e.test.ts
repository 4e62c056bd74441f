// The account's security through the real popup on a partner's page (issue 16), in Chromium with
// third-party cookies blocked: the broker's page is http://127.0.0.1:<port>, the insurer
// http://localhost:<port>, two sites. (1) Step-up: a customer whose log-in is ten minutes old
// changes the e-mail address in <gp-profile>; the API answers `reauthentication_required`, the
// popup asks for the password again, and the same request goes through. (2) Passkeys: the
// WebAuthn ceremony runs inside the popup, first-party on the insurer's origin, with CDP's virtual
// authenticator attached to the popup's own target; the partner page never touches WebAuthn.
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../server/seed/index.ts';
import { launchBrowser, type E2eBrowser } from './support/browser.ts';
import { startProduct, type Product } from './support/product.ts';
import { customerName, finishLogInInPopup, logIn, logOut, openLoginPopup, portalSettled } from './support/widget-page.ts';
import { virtualAuthenticator } from './support/virtual-authenticator.ts';

const PERSON = DEMO_LOGINS.person;
let product: Product;
let browser: E2eBrowser;
let broker: Page;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  broker = await browser.context.newPage();
  await broker.goto(product.brokerUrl);
  await portalSettled(broker);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

const sql = <T extends object>(query: string, replacements: Record<string, unknown> = {}) =>
  product.portal.database.sequelize.query<T>(query, { replacements, type: QueryTypes.SELECT });

describe('step-up on the broker page', () => {
  it('an e-mail change with a 10-minute-old log-in asks for the password again in the popup, then the same request goes through', async () => {
    await logIn(broker, PERSON.username, PERSON.password);
    await sql(`update bff_sessions set auth_time = now() - interval '10 minutes' where tokens->>'stage' = 'session'`);
    const pendingBefore = (await sql<{ n: number }>(`select count(*)::int as n from account_tokens where purpose = 'change_email'`))[0]!.n;

    const profile = broker.locator('gp-profile');
    await profile.scrollIntoViewIfNeeded();
    await broker.locator('gp-profile [part~="email-button"]').click();
    await broker.locator('gp-profile #newEmail').fill('uj.cim.stepup@example.org');
    await broker.locator('gp-profile #password').fill(PERSON.password);
    const popupEvent = broker.waitForEvent('popup');
    await broker.locator('gp-profile [part~="send-button"]').click();
    // The API refused the stale log-in: the popup opens on the insurer's log-in page (prompt=login).
    const popup = await popupEvent;
    await popup.waitForURL(/\/interaction\//);
    expect(new URL(popup.url()).origin).toBe(product.insurerUrl);
    expect((await sql<{ n: number }>(`select count(*)::int as n from account_tokens where purpose = 'change_email'`))[0]!.n).toBe(pendingBefore);
    await popup.locator('#email').fill(PERSON.username);
    await popup.locator('#password').fill(PERSON.password);
    const closed = popup.waitForEvent('close');
    await popup.locator('form:has(#password) button.primary[type="submit"]').click();
    await closed;

    // Nothing retyped: the same request went through after the fresh log-in, on the same session.
    await broker.locator('gp-profile [part~="email-button"]').waitFor({ timeout: 20_000 });
    expect((await sql<{ n: number }>(`select count(*)::int as n from account_tokens where purpose = 'change_email'`))[0]!.n).toBe(pendingBefore + 1);
    const sessions = await sql<{ age: number }>(
      `select extract(epoch from now() - auth_time)::int as age from bff_sessions where tokens->>'stage' = 'session'`,
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.age).toBeLessThan(120);
    expect(await customerName(broker).textContent()).toContain(PERSON.name);
    await logOut(broker);
  }, 120_000);
});

describe('a passkey through the popup on the broker page', () => {
  it('is added on the security page (a tab on the insurer) and then logs the customer in from the broker page’s popup, no password typed', async () => {
    // The customer logs in on the broker page, then opens the insurer's security page from <gp-profile> (a new tab).
    await logIn(broker, PERSON.username, PERSON.password);
    const tabEvent = browser.context.waitForEvent('page');
    await broker.locator('gp-profile [part~="manage-link"]').click();
    const tab = await tabEvent;
    const tabAuthenticator = await virtualAuthenticator(browser.context, tab);
    await tab.waitForURL(/\/account\/security/);
    expect(new URL(tab.url()).origin).toBe(product.insurerUrl);
    // Adding a passkey needs a log-in from the last 5 minutes: this one is.
    await tab.locator('#name').fill('Teszt telefon');
    await Promise.all([tab.waitForURL(/done=passkey_added/), tab.click('#passkey-add button[type="submit"]')]);
    const { credentials } = await tabAuthenticator.cdp.send('WebAuthn.getCredentials', { authenticatorId: tabAuthenticator.id });
    expect(credentials).toHaveLength(1);
    await tab.close();
    await logOut(broker);

    // The next log-in from the broker page: the popup is the insurer's page, the authenticator is attached to it.
    const popup = await openLoginPopup(broker);
    const popupAuthenticator = await virtualAuthenticator(browser.context, popup);
    for (const credential of credentials) await popupAuthenticator.cdp.send('WebAuthn.addCredential', { authenticatorId: popupAuthenticator.id, credential });
    expect(new URL(popup.url()).origin).toBe(product.insurerUrl);
    // The button, or the e-mail field's suggestion the authenticator may already have answered: either
    // logs in; then the consent page, when the partner asks again after a log-out.
    await finishLogInInPopup(
      broker,
      popup,
      () =>
        popup
          .locator('#passkey-login button[type="submit"]')
          .click({ timeout: 5_000 })
          .catch(() => undefined),
      20_000,
    );
    expect(await customerName(broker).textContent()).toContain(PERSON.name);
    // The passkey was used, and the broker page's session is a passkey log-in's.
    const [used] = await sql<{ used: boolean }>(`select last_used_at is not null as used from passkeys`);
    expect(used).toEqual({ used: true });
    expect(await sql(`select 1 from bff_sessions where tokens->>'stage' = 'session' and client_id = 'biztos-pont'`)).toHaveLength(1);
  }, 120_000);
});
