import '../../support/languages.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../../widgets/components/portal/portal.ts';
import type GpPortal from '../../../../widgets/components/portal/portal.component.ts';
import type { GpErrorEvent } from '../../../../widgets/events/error.ts';
import type { GpLoginEvent } from '../../../../widgets/events/login.ts';
import { clearSession, FAKE_API_BASE, FakeApi, seedSession } from '../../support/fake-api.ts';
import { part } from '../../support/render.ts';
import { stubPopup, type PopupStandIn } from './popup-stand-in.ts';

// The log-in popup takes the focus away from the page; when it closes, a keyboard or
// screen-reader user must be back where they were, not at the top of the partner's page.

const API_ORIGIN = new URL(FAKE_API_BASE).origin;

/** The focused element, through the portal's shadow root. */
const focused = (el: GpPortal): Element | null => (document.activeElement === el ? el.shadowRoot!.activeElement : document.activeElement);

/** Names an element briefly (chai would print a whole DOM tree on a failed comparison of elements). */
const nameOf = (element: Element | null): string =>
  element
    ? `${element.localName}${element.id ? `#${element.id}` : ''}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''}`
    : 'nothing';

async function mount(): Promise<GpPortal> {
  const el = await fixture<GpPortal>(
    html`<gp-portal api=${FAKE_API_BASE} client-id="broker-1"><button id="change" type="button">Módosítás</button></gp-portal>`,
  );
  await waitUntil(() => el.session.status !== 'checking', 'no session answer');
  await elementUpdated(el);
  return el;
}

/** The popup posts its ticket and closes, as the IdP's result page does. */
function popupFinishes(popup: PopupStandIn, ticket: string): void {
  setTimeout(() => {
    window.dispatchEvent(new MessageEvent('message', { origin: API_ORIGIN, source: popup.frame.contentWindow, data: { type: 'gp-login', ticket } }));
    popup.frame.remove();
  }, 50);
}

describe('<gp-portal> returns the focus after the log-in popup', () => {
  let api: FakeApi;
  let popup: PopupStandIn;
  afterEach(() => {
    popup.restore();
    api.restore();
  });

  describe('logging in', () => {
    beforeEach(async () => {
      await clearSession();
      api = new FakeApi({ authenticated: false }).install();
      api.on('POST', '/session/login', { authorizationUrl: 'about:blank', loginSecret: 'secret-1' });
      popup = stubPopup();
    });

    it('to the log-in button when the customer closes the popup', async () => {
      const el = await mount();
      const login = part<HTMLButtonElement>(el, 'login-button');
      login.focus();
      login.click();
      popup.takeFocus();
      await waitUntil(() => api.callsTo('POST', '/session/login').length === 1);
      setTimeout(() => popup.frame.remove());
      const error = await oneEvent<GpErrorEvent>(el, 'gp-error');
      expect(error.code).to.equal('login_cancelled');
      await waitUntil(() => focused(el) === part(el, 'login-button'), 'the focus did not come back to the log-in button', { timeout: 3000 }).catch(
        () => undefined,
      );
      expect(nameOf(focused(el))).to.equal('button[part=login-button]');
    });

    it('to the welcome notice after a log-in, where the log-in button was', async () => {
      const el = await mount();
      part<HTMLButtonElement>(el, 'login-button').focus();
      part(el, 'login-button').click();
      popup.takeFocus();
      popupFinishes(popup, 'ticket-1');
      await oneEvent<GpLoginEvent>(el, 'gp-login');
      await waitUntil(() => focused(el) === part(el, 'notice-bar'), 'the focus was not put on the welcome notice', { timeout: 3000 }).catch(() => undefined);
      expect(nameOf(focused(el))).to.equal('div[part=notice-bar]');
    });
  });

  describe('re-authenticating for a change (step-up)', () => {
    beforeEach(async () => {
      await seedSession();
      api = new FakeApi({ authenticated: true }).install();
      api.on('POST', '/session/reauthentication', { authorizationUrl: 'about:blank', loginSecret: 'secret-2' });
      api.on('POST', '/session/reauthentication/ticket', { status: 204 });
      popup = stubPopup();
    });

    it('to the button that sent the change, once the popup has done its work', async () => {
      const el = await mount();
      const change = el.querySelector<HTMLButtonElement>('#change')!;
      change.focus();
      const done = el.context.reauthenticate();
      popup.takeFocus();
      expect(nameOf(document.activeElement)).to.equal('iframe');
      popupFinishes(popup, 'ticket-2');
      await done;
      expect(api.callsTo('POST', '/session/reauthentication/ticket')).to.have.length(1);
      expect(nameOf(document.activeElement)).to.equal('button#change');
    });

    it('to the button that sent the change when the customer closes the popup', async () => {
      const el = await mount();
      const change = el.querySelector<HTMLButtonElement>('#change')!;
      change.focus();
      const done = el.context.reauthenticate();
      popup.takeFocus();
      setTimeout(() => popup.frame.remove(), 50);
      const failure = await done.then(
        () => null,
        (error: { code?: string }) => error.code,
      );
      expect(failure).to.equal('login_cancelled');
      expect(nameOf(document.activeElement)).to.equal('button#change');
    });
  });
});
