// The product end to end, as its users meet it: a broker partner's site on another site than the
// insurer, embedding the widgets; the insurer's standalone page; the IdP's pages in the log-in
// popup; the SMTP server the e-mails go to; the operations command line. Debian's Chromium,
// headless, with third-party cookies blocked. One customer journey, step by step, in order.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { generateKeyPair, generateProof } from 'dpop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../server/seed/index.ts';
import { clientSideState, launchBrowser, screenshot, type E2eBrowser } from './support/browser.ts';
import { linkIn, mailMark, waitForMail } from './support/mail.ts';
import { startProduct, type Product } from './support/product.ts';
import { customerName, loginButton, logIn, logInInPopup, logOut, openLoginPopup, portalSettled, textOf } from './support/widget-page.ts';

const run = promisify(execFile);
const PERSON = DEMO_LOGINS.person;
const NEW_PERSON = DEMO_LOGINS.unregisteredPerson;
const NEW_COMPANY = DEMO_LOGINS.unregisteredCompany;
const NEW_PASSWORD = 'Tavaszi-zapor-2026';
/** A minimal valid JPEG (1×1): the claim API checks an attachment's type on its bytes. */
const PHOTO = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

let product: Product;
let browser: E2eBrowser;
let broker: Page;
let thirdSite: Server;
/** What the browser reported against the pages' Content-Security-Policy (the widgets must need no exception). */
const cspViolations: string[] = [];
let thirdSiteUrl: string;

const sql = <T extends object>(query: string, replacements: Record<string, unknown> = {}): Promise<T[]> =>
  product.portal.database.sequelize.query<T>(query, { type: QueryTypes.SELECT, replacements });

/**
 * No token or login secret may ever be where page scripts can read it, and no session cookie
 * exists. What the page does hold, in its own IndexedDB, is the session handle and the key it is
 * bound to: the private key must be non-extractable (a script may use it while the page is open,
 * never read it out), so the handle alone is worthless elsewhere.
 */
async function expectNoSecretsInPage(page: Page): Promise<void> {
  const state = await clientSideState(page);
  expect((await browser.context.cookies()).map((c) => c.name)).not.toContain('__Host-gp_session');
  expect(state).not.toMatch(/gp_session|eyJ[A-Za-z0-9_-]{10,}\.|access_token|refresh_token|loginSecret|gp-login-secret/);
  for (const stored of await storedSessions(page)) {
    expect(stored.extractable).toBe(false);
    expect(stored.exportRefused).toBe(true);
  }
}

/** The records of the widgets' key store (IndexedDB `gp-portal`) on the partner page. */
async function storedSessions(page: Page): Promise<Array<{ handle: string | null; extractable: boolean; exportRefused: boolean }>> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'gp-portal')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('gp-portal');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('sessions')) return [];
    const records = await new Promise<Array<{ handle?: string; keys: CryptoKeyPair }>>((resolve, reject) => {
      const all = db.transaction('sessions').objectStore('sessions').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    return Promise.all(
      records.map(async (r) => ({
        handle: r.handle ?? null,
        extractable: r.keys.privateKey.extractable,
        exportRefused: await crypto.subtle.exportKey('jwk', r.keys.privateKey).then(
          () => false,
          () => true,
        ),
      })),
    );
  });
}

/** Another customer, on their own computer: a fresh browser profile. */
async function newCustomerBrowser(): Promise<void> {
  await browser?.close();
  browser = await launchBrowser();
  browser.context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  broker = await browser.context.newPage();
}

async function openBroker(): Promise<void> {
  await broker.goto(product.brokerUrl);
  await portalSettled(broker);
}

/** Registers through the log-in popup: the IdP's two-step form, then the e-mail's confirmation link. */
async function registerInPopup(kind: 'person' | 'company', customer: string, details: Record<string, string>, email: string): Promise<void> {
  const popup = await openLoginPopup(broker);
  await popup.getByRole('link', { name: /Regisztr/ }).click();
  await popup.locator(kind === 'company' ? '#kind-company' : '#kind').check();
  await popup.locator('#customer').fill(customer);
  await popup.getByRole('button', { name: 'Tovább' }).click();
  for (const [field, value] of Object.entries(details)) await popup.locator(`#${field}`).fill(value);
  await popup.locator('#email').fill(email);
  await popup.locator('#password').fill(NEW_PASSWORD);
  await popup.locator('#passwordConfirm').fill(NEW_PASSWORD);
  const since = mailMark(product.mail);
  await popup.getByRole('button', { name: 'Regisztráció' }).click();
  await popup.waitForLoadState();

  const mail = await waitForMail(product.mail, email, () => true, { since });
  await popup.goto(linkIn(mail, /\/account\/verify-email/));
  await popup.locator('form button[type="submit"]').click();
  await popup.waitForLoadState();
  await screenshot(popup, `01-${kind}-email-confirmed`);
  // The customer closes the window and logs in from the partner's page.
  await popup.close();
}

beforeAll(async () => {
  product = await startProduct();
  await newCustomerBrowser();
  thirdSite = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Harmadik oldal</title><p>Egy másik webhely.</p>');
  });
  await new Promise<void>((resolve) => thirdSite.listen(0, '127.0.0.1', resolve));
  thirdSiteUrl = `http://third.test:${(thirdSite.address() as { port: number }).port}/`;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => thirdSite?.close(resolve));
  await product?.close();
}, 60_000);

describe('a broker partner site embedding the widgets, with third-party cookies blocked', () => {
  it('1. an unregistered person registers with customer number, birth date and postcode, confirms the e-mail and logs in through the popup', async () => {
    await openBroker();
    expect(await loginButton(broker).isVisible()).toBe(true);
    await screenshot(broker, '00-broker-logged-out');

    await registerInPopup('person', NEW_PERSON.customerNumber, { birthDate: NEW_PERSON.birthDate, postcode: NEW_PERSON.postcode }, NEW_PERSON.email);
    // Closing the popup early is reported, not silently ignored.
    await broker.locator('gp-portal [part~="notice"]').filter({ hasText: 'bezárta' }).waitFor();

    await logIn(broker, NEW_PERSON.email, NEW_PASSWORD);
    expect(await textOf(customerName(broker))).toBe(NEW_PERSON.name);
    const [account] = await sql<{ verified: boolean }>(
      `select a.email_verified_at is not null as verified from accounts a join customers c on c.id = a.customer_id where c.customer_number = :n`,
      { n: NEW_PERSON.customerNumber },
    );
    expect(account?.verified).toBe(true);
    await expectNoSecretsInPage(broker);
    await logOut(broker);
  }, 120_000);

  it('2. on the same computer, after the person logged out, an unregistered company registers with tax number and postcode and must log in with its own password', async () => {
    // Same browser as step 1: the insurer's log-in session of the person is still in it, yet the
    // popup asks for a password (logIn waits for the form) and the company is who gets logged in.
    await openBroker();
    await registerInPopup('company', NEW_COMPANY.customerNumber, { taxNumber: NEW_COMPANY.taxNumber, postcode: NEW_COMPANY.postcode }, NEW_COMPANY.email);
    await logIn(broker, NEW_COMPANY.email, NEW_PASSWORD);
    expect(await textOf(customerName(broker))).toBe(NEW_COMPANY.name);
    await logOut(broker);
  }, 120_000);

  it('3. a customer sees their live and cancelled contracts as the database has them, and changes a payment method', async () => {
    await newCustomerBrowser();
    await openBroker();
    await logIn(broker, PERSON.username, PERSON.password);
    const list = broker.locator('gp-policy-list');
    await list.locator('[part~="policy"]').first().waitFor();

    const expected = await sql<{ policy_number: string; status: string }>(
      `select p.policy_number, p.status from policies p
         join customers c on c.id = p.customer_id
         join partner_clients pc on pc.client_id = 'biztos-pont'
        where c.customer_number = :n and p.broker_id = pc.broker_id`,
      { n: PERSON.customerNumber },
    );
    expect(expected.some((p) => p.status === 'active')).toBe(true);
    expect(expected.some((p) => p.status === 'cancelled')).toBe(true);
    // Load every page of the list, then compare with the database.
    while (await list.locator('[part~="more-button"]').isVisible()) await list.locator('[part~="more-button"]').click();
    const shown = await list.locator('[part~="policy"]').allTextContents();
    expect(shown).toHaveLength(expected.length);
    for (const policy of expected) expect(shown.some((text) => text.includes(policy.policy_number))).toBe(true);
    await screenshot(broker, '03-broker-policies');

    // A live contract's detail, then its payment method.
    const [live] = await sql<{ id: number; policy_number: string; payment_method: string }>(
      `select p.id, p.policy_number, p.payment_method from policies p join customers c on c.id = p.customer_id
         join partner_clients pc on pc.client_id = 'biztos-pont'
        where c.customer_number = :n and p.broker_id = pc.broker_id and p.status = 'active' and p.payment_method <> 'card'
        order by p.id limit 1`,
      { n: PERSON.customerNumber },
    );
    expect(live).toBeDefined();
    const documentsBefore = await countDocuments(PERSON.customerNumber, 'modositas_visszaigazolas');
    await list.locator('[part~="policy-button"]').filter({ hasText: live!.policy_number }).click();
    await list.locator('[part~="change-form"]').waitFor();
    await list.locator('#paymentMethod').selectOption('card');
    await list.locator('[part~="submit-button"]').click();
    await list.locator('[part~="result"]').waitFor();
    await screenshot(broker, '03-broker-policy-changed');

    const [after] = await sql<{ payment_method: string }>(`select payment_method from policies where id = :id`, { id: live!.id });
    expect(after?.payment_method).toBe('card');
    expect(await countDocuments(PERSON.customerNumber, 'modositas_visszaigazolas')).toBe(documentsBefore + 1);
    // The confirmation is in the mailbox.
    const mailbox = broker.locator('gp-mailbox');
    await mailbox.locator('[part~="more-button"], [part~="item"]').first().waitFor();
    await mailbox.locator('[part~="heading"]').scrollIntoViewIfNeeded();
    await broker.reload();
    await portalSettled(broker);
    await mailbox.locator('[part~="item"]').filter({ hasText: 'Szerződésmódosítás' }).first().waitFor();
    await expectNoSecretsInPage(broker);
  }, 120_000);

  it('4. pays an overdue invoice on the demo payment page: the invoice is paid, the receipt is in the mailbox and the e-mail arrived', async () => {
    const pay = broker.locator('gp-invoice-pay');
    const overdueRow = pay.locator('[part~="invoice"][part~="overdue"]').first();
    await overdueRow.waitFor();
    const invoiceNumber = await textOf(overdueRow.locator('[part~="invoice-number"]'));
    const since = mailMark(product.mail);
    await overdueRow.locator('[part~="checkbox"]').check();
    await screenshot(broker, '04-broker-invoice-selected');

    const popupEvent = broker.waitForEvent('popup');
    await pay.locator('[part~="pay-button"]').click();
    const checkout = await popupEvent;
    await checkout.waitForURL(/\/pay\/demo\//);
    await checkout.locator('input[name="card_number"]').fill('4242 4242 4242 4242');
    await checkout.locator('input[name="expiry"]').fill(`12/${(new Date().getFullYear() + 3) % 100}`);
    await checkout.locator('input[name="cvc"]').fill('123');
    await screenshot(checkout, '04-demo-payment-page');
    await checkout.locator('button[value="pay"]').click();

    await pay
      .locator('[part~="result"]')
      .filter({ hasText: /sikeres|Sikeres/ })
      .waitFor({ timeout: 30_000 });
    await screenshot(broker, '04-broker-payment-succeeded');
    const [invoice] = await sql<{ status: string }>(`select status from invoices where invoice_number = :n`, { n: invoiceNumber });
    expect(invoice?.status).toBe('paid');
    expect(await countDocuments(PERSON.customerNumber, 'befizetes_igazolas')).toBeGreaterThan(0);
    const receipt = await waitForMail(product.mail, PERSON.username, (m) => m.subject === 'Befizetés igazolása', { since });
    expect(receipt.text).toContain(PERSON.customerNumber);
    // The paid invoice left the list.
    await expectGone(pay.locator('[part~="invoice-number"]').filter({ hasText: invoiceNumber }));
  }, 120_000);

  it('5. reports a motor claim with a photo and gets a claim number and an acknowledgement', async () => {
    const [motor] = await sql<{ policy_number: string }>(
      `select p.policy_number from policies p join customers c on c.id = p.customer_id
         join partner_clients pc on pc.client_id = 'biztos-pont'
        where c.customer_number = :n and p.broker_id = pc.broker_id and p.status = 'active' and p.product in ('kgfb', 'casco')
        order by p.id limit 1`,
      { n: PERSON.customerNumber },
    );
    expect(motor).toBeDefined();
    const since = mailMark(product.mail);
    const form = broker.locator('gp-claim-form');
    await form.locator('label').filter({ hasText: motor!.policy_number }).click();
    await form.locator('[part~="next-button"]').click();
    await form.locator('input[name="claimType"]').first().check();
    await form.locator('#description').fill('Parkolás közben egy másik autó nekitolatott a hátsó lökhárítónak.');
    await form.locator('[part~="next-button"]').click();
    await form.locator('#date').fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await form.locator('#place').fill('Győr, Baross Gábor út 12.');
    await form.locator('[part~="next-button"]').click();
    // A collision asks first what the customer knows of the other vehicle (issue 17 point 5).
    await form.locator('input[name="opSituation"][value="known"]').check();
    await form.locator('#opName').fill('Kiss Péter');
    await form.locator('#opPlate').fill('ABC-123');
    await form.locator('#opInsurer').fill('Másik Biztosító Zrt.');
    await form.locator('[part~="next-button"]').click();
    await form.locator('#files').setInputFiles({ name: 'hatso-lokharito.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
    await form.locator('[part~="next-button"]').click();
    await form.locator('[part~="review"]').waitFor();
    await screenshot(broker, '05-broker-claim-review');
    await form.locator('[part~="submit-button"]').click();

    const number = await textOf(form.locator('[part~="claim-number"]'));
    const [claim] = await sql<{ claim_number: string; attachments: number }>(
      `select c.claim_number, (select count(*)::int from claim_attachments a where a.claim_id = c.id) as attachments
         from claims c join customers cu on cu.id = c.customer_id where cu.customer_number = :n order by c.id desc limit 1`,
      { n: PERSON.customerNumber },
    );
    expect(number).toContain(claim!.claim_number);
    expect(claim!.attachments).toBe(1);
    await screenshot(broker, '05-broker-claim-reported');
    expect(await countDocuments(PERSON.customerNumber, 'karbejelentes_visszaigazolas')).toBeGreaterThan(0);
    await waitForMail(product.mail, PERSON.username, (m) => m.subject === 'Kárbejelentés visszaigazolása', { since });
  }, 120_000);

  it('6. opens a document (a PDF), the unread count drops and the open is audited; requests a claims-history certificate', async () => {
    await broker.reload();
    await portalSettled(broker);
    const mailbox = broker.locator('gp-mailbox');
    const unread = mailbox.locator('[part~="item"][part~="unread"]').first();
    await unread.waitFor();
    const countBefore = await unreadCount();
    const title = await textOf(unread.locator('[part~="title"]'));
    const [opened] = await sql<{ id: string }>(
      `select d.id from documents d join customers c on c.id = d.customer_id where c.customer_number = :n and d.title = :t order by d.issued_at desc limit 1`,
      { n: PERSON.customerNumber, t: title },
    );
    const contentResponse = broker.waitForResponse((r) => r.url().includes(`/api/documents/${opened!.id}/content`));
    const pdfWindow = browser.context.waitForEvent('page');
    await unread.locator('[part~="open-button"]').click();
    const response = await contentResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.headers()['cache-control']).toContain('no-store');
    const [stored] = await sql<{ size_bytes: number; head: string }>(
      `select size_bytes, convert_from(substring(content from 1 for 5), 'UTF8') as head from documents where id = :id`,
      { id: opened!.id },
    );
    expect(Number(response.headers()['content-length'])).toBe(stored!.size_bytes);
    expect(stored!.head).toBe('%PDF-');
    // The widget showed it in a new window, from memory (a blob: URL): no document URL to leak.
    const pdf = await pdfWindow;
    expect(pdf.url()).toMatch(/^blob:/);
    await pdf.close();
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(countBefore - 1);
    const audits = await sql<{ n: number }>(`select count(*)::int as n from audit_events where action = 'document.opened' and subject_id = :id`, {
      id: opened!.id,
    });
    expect(audits[0]!.n).toBe(1);

    // A claims-history certificate for a motor contract, requested from the mailbox.
    const before = await countDocuments(PERSON.customerNumber, 'kartorteneti_igazolas');
    await mailbox.locator('[part~="request-toggle"]').click();
    const requestForm = mailbox.locator('[part~="request-form"]');
    const policyOptions = await requestForm.locator('#req-policy option').allTextContents();
    const motorOption = policyOptions.find((o) => /KGFB|CASCO|Kötelező|Casco/i.test(o));
    expect(motorOption).toBeDefined();
    await requestForm.locator('#req-policy').selectOption({ label: motorOption! });
    await requestForm.locator('#req-type option[value="kartorteneti_igazolas"]').waitFor({ state: 'attached' });
    await requestForm.locator('#req-type').selectOption('kartorteneti_igazolas');
    await requestForm.locator('[part~="request-submit"]').click();
    await expect.poll(() => countDocuments(PERSON.customerNumber, 'kartorteneti_igazolas'), { timeout: 20_000 }).toBe(before + 1);
    await mailbox.locator('[part~="item"]').filter({ hasText: 'Kártörténeti igazolás' }).first().waitFor();
    await screenshot(broker, '06-broker-mailbox');
    await expectNoSecretsInPage(broker);
  }, 120_000);

  it('7. operations issue a document from the command line: the e-mail names the type and the customer number, and its link opens that document on the standalone page', async () => {
    const [policy] = await sql<{ policy_number: string }>(
      `select p.policy_number from policies p join customers c on c.id = p.customer_id where c.customer_number = :n and p.status = 'active' order by p.id limit 1`,
      { n: PERSON.customerNumber },
    );
    const since = mailMark(product.mail);
    await product.withDatabaseFree(() =>
      run(
        'npx',
        ['tsx', 'server/cli/main.ts', 'document', 'issue', '--customer', PERSON.customerNumber, '--type', 'dijigazolas', '--policy', policy!.policy_number],
        {
          env: { ...process.env, ...product.env },
          timeout: 120_000,
        },
      ),
    );
    const mail = await waitForMail(product.mail, PERSON.username, (m) => m.subject === 'Díjigazolás', { since });
    expect(mail.text).toContain(PERSON.customerNumber);
    const link = linkIn(mail, /[?&]document=/);
    expect(link.startsWith(`${product.insurerUrl}/?view=levelezes&document=`)).toBe(true);

    const standalone = await browser.context.newPage();
    await standalone.goto(link);
    if ((await portalSettled(standalone)) === 'anonymous') await logIn(standalone, PERSON.username, PERSON.password);
    const highlighted = standalone.locator('gp-mailbox [part~="item"][part~="highlighted"]');
    await highlighted.waitFor();
    expect(await textOf(highlighted)).toContain('Díjigazolás');
    expect(await standalone.locator('#levelezes').isVisible()).toBe(true);
    await screenshot(standalone, '07-standalone-deep-link');

    // Every widget on the standalone page, one view at a time.
    for (const view of ['attekintes', 'szerzodesek', 'szamlak', 'karbejelentes', 'levelezes', 'adataim']) {
      await standalone.locator(`.site-nav a[data-view="${view}"]`).click();
      await standalone.locator(`#${view}`).waitFor();
      await screenshot(standalone, `07-standalone-${view}`);
    }
    await standalone.close();
  }, 180_000);

  it('8. forgets the password, resets it from the e-mail and logs in with the new one', async () => {
    // On another computer, where nobody is logged in to the insurer.
    await newCustomerBrowser();
    await openBroker();
    const popup = await openLoginPopup(broker);
    await popup.getByRole('link', { name: /Elfelejtette/ }).click();
    await popup.locator('#email').fill(PERSON.username);
    const since = mailMark(product.mail);
    await popup.locator('form:has(#email) button.primary[type="submit"]').click();
    const mail = await waitForMail(product.mail, PERSON.username, (m) => /jelsz/i.test(m.subject), { since });
    await popup.goto(linkIn(mail, /\/account\/reset-password/));
    await popup.locator('#password').fill(NEW_PASSWORD);
    await popup.locator('#passwordConfirm').fill(NEW_PASSWORD);
    await popup.locator('form:has(#password) button.primary[type="submit"]').click();
    await popup.waitForLoadState();
    await popup.close();

    // The old password no longer works; the new one does.
    const retry = await openLoginPopup(broker);
    await retry.locator('#email').fill(PERSON.username);
    await retry.locator('#password').fill(PERSON.password);
    await retry.locator('form:has(#password) button.primary[type="submit"]').click();
    await retry.locator('[role="alert"], .error-summary, .notice').first().waitFor();
    await logInInPopup(broker, retry, PERSON.username, NEW_PASSWORD);
    expect(await textOf(customerName(broker))).toBe(PERSON.name);
  }, 120_000);

  it('9. a reload keeps the session, a third site gets nothing, logging out ends it; nothing secret is ever readable by scripts', async () => {
    await broker.reload();
    expect(await portalSettled(broker)).toBe('authenticated');
    await expectNoSecretsInPage(broker);
    for (const widget of ['gp-overview', 'gp-policy-list', 'gp-invoice-pay', 'gp-claim-form', 'gp-mailbox', 'gp-profile']) {
      await broker.locator(widget).scrollIntoViewIfNeeded();
      await broker.locator(widget).screenshot({ path: `${process.cwd()}/test-results/e2e/09-broker-${widget}.png` });
    }

    const third = await browser.context.newPage();
    await third.goto(thirdSiteUrl);
    const answer = await third.evaluate(async (api) => {
      try {
        const response = await fetch(`${api}/api/session`, { credentials: 'include', headers: { 'X-GP-Request': '1' } });
        return `status ${response.status}: ${await response.text()}`;
      } catch (error) {
        return `refused: ${(error as Error).name}`;
      }
    }, product.insurerUrl);
    expect(answer).toBe('refused: TypeError');
    await third.close();

    const [held] = await storedSessions(broker);
    expect(held?.handle).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await logOut(broker);
    await broker.reload();
    expect(await portalSettled(broker)).toBe('anonymous');
    expect(await storedSessions(broker)).toEqual([]); // handle and key forgotten
    // The old handle is refused, whatever key signs for it.
    const keys = await generateKeyPair('ES256');
    const url = new URL('/api/session', product.insurerUrl).href;
    const refused = await fetch(url, {
      headers: {
        origin: new URL(product.brokerUrl).origin,
        'x-gp-request': '1',
        authorization: `DPoP ${held!.handle}`,
        dpop: await generateProof(keys, url, 'GET', undefined, held!.handle!),
      },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('session_expired');
    expect(cspViolations).toEqual([]);
    const sessions = await sql<{ n: number }>(`select count(*)::int as n from bff_sessions where client_id = 'biztos-pont' and expires_at > now()`);
    expect(sessions[0]!.n).toBe(0);
    await expectNoSecretsInPage(broker);
  }, 120_000);
});

async function countDocuments(customerNumber: string, type: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `select count(*)::int as n from documents d join customers c on c.id = d.customer_id where c.customer_number = :n and d.type = :t`,
    { n: customerNumber, t: type },
  );
  return row!.n;
}

async function unreadCount(): Promise<number> {
  // The badge's visible number (its screen-reader text repeats it in words).
  const text = await textOf(broker.locator('gp-mailbox [part~="unread-badge"] [aria-hidden="true"]'));
  return Number(/\d+/.exec(text)?.[0] ?? 0);
}

async function expectGone(locator: ReturnType<Page['locator']>): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 15_000 }).toBe(0);
}
