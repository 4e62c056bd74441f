import type { Locator, Page } from 'playwright-core';

/**
 * How a customer drives the widgets and the insurer's pages in the end-to-end tests. Locators
 * use the widgets' documented `part`s and labels (Playwright's CSS pierces open shadow roots).
 */
export const portalOf = (page: Page): Locator => page.locator('gp-portal');
export const loginButton = (page: Page): Locator => page.locator('gp-portal [part~="login-panel"] [part~="login-button"]');
export const customerName = (page: Page): Locator => page.locator('gp-portal [part~="customer-name"]');

/** Waits until the portal knows whether someone is logged in. */
export async function portalSettled(page: Page): Promise<'anonymous' | 'authenticated'> {
  await page.waitForFunction(() => {
    const portal = document.querySelector('gp-portal') as (HTMLElement & { session?: { status: string } }) | null;
    return portal?.session && portal.session.status !== 'checking';
  });
  return page.evaluate(() => (document.querySelector('gp-portal') as HTMLElement & { session: { status: 'anonymous' | 'authenticated' } }).session.status);
}

/** Opens the log-in popup from the portal and returns it on the IdP's log-in page. */
export async function openLoginPopup(page: Page): Promise<Page> {
  const popupEvent = page.waitForEvent('popup');
  await loginButton(page).click();
  const popup = await popupEvent;
  await popup.waitForURL(/\/interaction\//);
  return popup;
}

/** Logs in on the IdP's page in the popup (consenting when asked) and waits until the portal shows the customer. */
export async function logInInPopup(page: Page, popup: Page, email: string, password: string): Promise<void> {
  await popup.locator('#email').fill(email);
  await popup.locator('#password').fill(password);
  await finishLogInInPopup(page, popup, () => popup.locator('form:has(#password) button.primary[type="submit"]').click());
}

/**
 * `submit` sends the popup's log-in (a password, a passkey …); then the consent page is answered
 * when the partner asks, the popup closes, and the portal shows the customer.
 */
export async function finishLogInInPopup(page: Page, popup: Page, submit: () => Promise<unknown>, timeout?: number): Promise<void> {
  const closed = popup.waitForEvent('close');
  await submit();
  await Promise.race([
    closed,
    popup
      .getByRole('button', { name: /^(Engedélyezem|Allow)$/ })
      .click({ timeout: 15_000 })
      .catch(() => undefined),
  ]);
  await closed;
  await customerName(page).waitFor({ timeout });
}

/**
 * Logs in from the portal: the popup always shows the insurer's log-in form, also when this
 * browser still holds an earlier customer's IdP session (the widgets ask for `prompt=login`).
 */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  const popup = await openLoginPopup(page);
  await popup.locator('#email').waitFor();
  await logInInPopup(page, popup, email, password);
}

export async function logOut(page: Page): Promise<void> {
  await page.locator('gp-portal [part~="logout-button"]').click();
  await loginButton(page).waitFor();
}

/** The text of a locator with whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
