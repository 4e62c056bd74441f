import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, CustomerBrowser, EngineConfiguration } from './customer-browser.ts';
import { textExpression, findExpression, type Path } from './deep-query.ts';
import { keepSessionForReplay, sendKeptHandle } from './replayed-handle.ts';
import type { FrontRecord } from './tls-front.ts';

/** Where each engine's screenshot of the logged-in contracts list goes (a CI artifact). */
export const MATRIX_ARTIFACTS = join(process.cwd(), 'test-results', 'e2e', 'matrix');

const LOGIN_BUTTON: Path = ['gp-portal', '[part~="login-button"]'];
const LOGOUT_BUTTON: Path = ['gp-portal', '[part~="logout-button"]'];
const CUSTOMER_NAME: Path = ['gp-portal', '[part~="customer-name"]'];
const PORTAL_NOTICE: Path = ['gp-portal', '[part~="notice"]'];
const CONTRACT_ROW: Path = ['gp-policy-list', '[part~="policy"]'];
const OPEN_DOCUMENT: Path = ['gp-mailbox', '[part~="open-button"]'];
const MAILBOX_NOTICE: Path = ['gp-mailbox', '[part~="notice"]'];
const EMAIL: Path = ['#email'];
const PASSWORD: Path = ['#password'];
const SUBMIT_LOGIN: Path = ['form:has(#password) button.primary[type="submit"]'];
const CONSENT: Path = ['button'];
const CONSENT_TEXT = /^\s*(Engedélyezem|Allow)\s*$/;

export interface JourneySite {
  brokerUrl: string;
  /** What the TLS front saw, to say what the browser did with the API when a step fails. */
  records: FrontRecord[];
}

/** A failed step of the journey, with what the customer saw and what reached the API. */
export class JourneyStepFailed extends Error {
  constructor(
    readonly engine: string,
    readonly step: string,
    detail: string,
  ) {
    super(`${engine}: step "${step}" failed: ${detail}`);
    this.name = 'JourneyStepFailed';
  }
}

/**
 * The core of the cross-site journey, identical for every engine and written in what a customer
 * sees and does: on the broker's page the portal offers log-in; log-in in the popup on the
 * insurer's site (or, where popups are blocked, by leaving the page and coming back); the
 * contracts list loads; a reload keeps the session; a document of the mailbox opens as a PDF;
 * log-out ends the session, and a reload after it shows the logged-out portal. One check is a
 * script's, not a customer's: after log-out, the handle the page held is refused even with a
 * proof signed by its key (replayed-handle.ts).
 */
export async function crossSiteJourney(
  engine: EngineConfiguration,
  browser: CustomerBrowser,
  site: JourneySite,
  customer: { username: string; password: string },
): Promise<void> {
  const broker = await browser.firstWindow();
  let previousMark = site.records.length;
  const step = async (name: string, run: () => Promise<void>) => {
    const mark = site.records.length;
    try {
      await run();
      previousMark = mark;
    } catch (error) {
      const seen = await describeScreen(broker).catch(() => 'the page could not be read');
      // The API's and the IdP's answers (not bundles and styles) since the step before began.
      const requests = site.records
        .slice(previousMark)
        .filter((r) => /^\/(api|oidc|interaction)\//.test(r.path))
        .map(describeRecord);
      throw new JourneyStepFailed(
        engine.id,
        name,
        `${(error as Error).message}\n  the customer sees: ${seen}\n  requests to the product since the step before: ${requests.join(' | ') || 'none'}`,
      );
    }
  };

  await step("the broker's page offers log-in", async () => {
    await broker.goto(site.brokerUrl);
    await waitFor(broker, 'the log-in button', visible(LOGIN_BUTTON));
  });

  if (engine.redirectLogin) {
    await step('log-in by redirect (popups blocked)', async () => {
      await broker.click(LOGIN_BUTTON);
      await logInOnIdpPage(broker, customer, async () => (await broker.url()).startsWith(site.brokerUrl));
    });
  } else {
    await step('log-in in the popup', async () => {
      const popup = await browser.windowOpenedBy(() => broker.click(LOGIN_BUTTON), 15_000);
      if (!popup) throw new Error('no log-in window opened');
      await logInOnIdpPage(popup, customer, () => popup.isClosed());
    });
  }

  // The log-in itself is over; from here on the portal must keep the session it got.
  await step('the portal shows the customer and the contracts list loads', async () => {
    await waitFor(broker, "the customer's name in the portal", customerUnlessRefused, 20_000);
    await waitFor(broker, 'a contract row', rowsUnlessLoggedOut, 20_000);
    await mkdir(MATRIX_ARTIFACTS, { recursive: true });
    await broker.screenshot(join(MATRIX_ARTIFACTS, `${engine.id}-contracts.png`));
  });

  await step('a reload keeps the session', async () => {
    await broker.reload();
    await waitFor(
      broker,
      'the portal to show who is logged in',
      async () => (await isVisible(broker, CUSTOMER_NAME)) || (await isVisible(broker, LOGIN_BUTTON)),
    );
    if (!(await isVisible(broker, CUSTOMER_NAME))) throw new Error('after the reload the portal offers log-in again');
    await waitFor(broker, 'a contract row after the reload', rowsUnlessLoggedOut, 20_000);
  });

  await step('a document of the mailbox opens as a PDF', async () => {
    await waitFor(broker, "the mailbox's documents", visible(OPEN_DOCUMENT), 20_000);
    // As a person would: click once the page stops moving. The rarely used widgets arrive when
    // they come near the viewport and grow the page above the mailbox; Firefox's and WebKit's
    // drivers click where the button was when they scrolled to it (Chromium's is quicker).
    await waitFor(broker, 'the page to settle around the document', settled(OPEN_DOCUMENT));
    if (engine.redirectLogin) {
      // This engine refuses every window: the widget downloads the fetched PDF instead, and says so.
      await broker.click(OPEN_DOCUMENT);
      await waitFor(broker, "the mailbox's note that the PDF was downloaded", async () =>
        /letöltöttük/.test((await broker.evaluate<string | null>(textExpression(MAILBOX_NOTICE))) ?? ''),
      );
      return;
    }
    const pdf = await browser.windowOpenedBy(() => broker.click(OPEN_DOCUMENT), 10_000);
    await waitFor(broker, "the mailbox's confirmation", async () =>
      broker.evaluate<boolean>(
        `(() => { const n = ${findExpression(MAILBOX_NOTICE)}; return !!n && n.classList.contains('success') && n.textContent.trim().length > 0; })()`,
      ),
    );
    // Shown from memory (a blob: URL) in a new window (or, where the browser refuses it after all, downloaded).
    if (pdf) {
      await waitFor(pdf, 'the document window to show the fetched PDF (a blob: URL)', async () => (await pdf.url()).startsWith('blob:'), 10_000);
      await pdf.close();
    }
  });

  await step('log-out ends the session, and its handle is refused even with a proof of its key', async () => {
    await keepSessionForReplay(broker);
    const before = await sendKeptHandle(broker);
    // Shows the hand-made proof is one the API accepts: the refusal below is the log-out's doing.
    if (before.status !== 200) throw new Error(`before log-out the kept handle answered ${before.status} ${before.code ?? ''}, not 200`);
    await broker.click(LOGOUT_BUTTON);
    await waitFor(broker, 'the log-in button after log-out', visible(LOGIN_BUTTON));
    const after = await sendKeptHandle(broker);
    if (after.status !== 401 || after.code !== 'session_expired') {
      throw new Error(`after log-out the old handle answered ${after.status} ${after.code ?? ''}, not 401 session_expired`);
    }
    await broker.reload();
    await waitFor(broker, 'the log-in button after a reload', visible(LOGIN_BUTTON));
    if (await isVisible(broker, CUSTOMER_NAME)) throw new Error('after log-out and a reload the portal still shows the customer');
  });
}

/**
 * The IdP's log-in form (in the popup, or in the page itself after a redirect); then consent
 * when the IdP asks for it (first log-in through this partner), until `done` says it is over.
 */
async function logInOnIdpPage(window: BrowserWindow, customer: { username: string; password: string }, done: () => Promise<boolean>): Promise<void> {
  await waitFor(window, "the insurer's log-in form", visible(EMAIL), 20_000);
  await window.fill(EMAIL, customer.username);
  await window.fill(PASSWORD, customer.password);
  await window.click(SUBMIT_LOGIN);
  let consented = false;
  await waitFor(
    window,
    'the log-in to finish',
    async () => {
      if (await done()) return true;
      // Once: a second click while the consent page is still leaving would cancel its navigation.
      if (!consented && (await isVisible(window, CONSENT, CONSENT_TEXT))) {
        await window.click(CONSENT, CONSENT_TEXT);
        consented = true;
      }
      return false;
    },
    30_000,
  );
}

function isVisible(window: BrowserWindow, path: Path, text?: RegExp): Promise<boolean> {
  return window.evaluate<boolean>(`!!${findExpression(path, text)}`);
}

const visible = (path: Path) => (window: BrowserWindow) => isVisible(window, path);

/** True once the element's place in the page is the same on two checks in a row, after it was scrolled to. */
const settled = (path: Path) => {
  let last = '';
  return async (window: BrowserWindow) => {
    const place = await window.evaluate<string>(
      `(() => { const el = ${findExpression(path)}; if (!el) return ''; el.scrollIntoView({ block: 'center' }); const r = el.getBoundingClientRect(); return [r.x, r.y + scrollY, r.width, r.height, document.documentElement.scrollHeight].join(','); })()`,
    );
    const same = place !== '' && place === last;
    last = place;
    if (!same) await new Promise((resolve) => setTimeout(resolve, 300));
    return same;
  };
};

/** A condition's verdict that no waiting can change. */
class Settled extends Error {}

/** The customer's name is shown; an error notice of the portal instead (e.g. "session expired") is final. */
async function customerUnlessRefused(window: BrowserWindow): Promise<boolean> {
  if (await isVisible(window, CUSTOMER_NAME)) return true;
  const error = await window.evaluate<string | null>(
    `(() => { const n = ${findExpression(PORTAL_NOTICE)}; return n && n.classList.contains('error') ? n.textContent.trim() : null; })()`,
  );
  if (error) throw new Settled(`the portal shows the error "${error}" instead of the customer`);
  return false;
}

/** Contract rows are shown; the log-in button instead means the session is gone (no use waiting). */
async function rowsUnlessLoggedOut(window: BrowserWindow): Promise<boolean> {
  if (await isVisible(window, CONTRACT_ROW)) return true;
  if (await isVisible(window, LOGIN_BUTTON)) throw new Settled('the portal offers log-in again instead of the contracts');
  return false;
}

/**
 * Polls `condition` (a page may be navigating: an error counts as "not yet") until true or the
 * time is up; a `Settled` error ends the wait at once.
 */
async function waitFor(
  window: BrowserWindow,
  what: string,
  condition: ((window: BrowserWindow) => Promise<boolean>) | (() => Promise<boolean>),
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await condition(window)) return;
    } catch (error) {
      if (error instanceof Settled) throw error;
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs / 1000} s for ${what}${lastError ? ` (last error: ${(lastError as Error).message.split('\n')[0]})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** What the portal shows right now, in the customer's terms. */
async function describeScreen(window: BrowserWindow): Promise<string> {
  const name = await isVisible(window, CUSTOMER_NAME);
  const login = await isVisible(window, LOGIN_BUTTON);
  const notice = await window.evaluate<string | null>(textExpression(PORTAL_NOTICE));
  return [name ? 'logged in' : login ? 'the log-in button' : 'neither log-in nor a customer', notice ? `notice "${notice}"` : 'no notice'].join(', ');
}

function describeRecord(record: FrontRecord): string {
  const cookies = record.cookiesSet.length ? ` sets cookie ${record.cookiesSet.join(',')}` : '';
  return `${record.method} ${record.path} → ${record.status}${record.cookieSent ? ' (cookie sent)' : ''}${cookies}`;
}
