import '../../support/languages.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../../widgets/components/portal/portal.ts';
import type GpPortal from '../../../../widgets/components/portal/portal.component.ts';
import type { GpLoginEvent } from '../../../../widgets/events/login.ts';
import { GpNavigateEvent } from '../../../../widgets/events/navigate.ts';
import { clearSession, DEMO_CUSTOMER, FAKE_API_BASE, FakeApi } from '../../support/fake-api.ts';
import { part, textOf } from '../../support/render.ts';
import { stubPopup, type PopupStandIn } from './popup-stand-in.ts';

const API_ORIGIN = new URL(FAKE_API_BASE).origin;

/** A customer who has just logged in through the popup: the portal shows its welcome notice. */
async function loggedIn(popup: PopupStandIn): Promise<GpPortal> {
  const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="broker-1"><p id="widget">widgets</p></gp-portal>`);
  await waitUntil(() => el.session.status === 'anonymous', 'no session answer');
  await elementUpdated(el);
  part(el, 'login-button').click();
  setTimeout(
    () =>
      window.dispatchEvent(new MessageEvent('message', { origin: API_ORIGIN, source: popup.frame.contentWindow, data: { type: 'gp-login', ticket: 't-1' } })),
    50,
  );
  await oneEvent<GpLoginEvent>(el, 'gp-login');
  await elementUpdated(el);
  return el;
}

const noticeShown = (el: GpPortal) => !part(el, 'notice-bar').hidden && textOf(part(el, 'notice')) !== '';

describe('<gp-portal> log-in notice', () => {
  let api: FakeApi;
  let popup: PopupStandIn;
  beforeEach(async () => {
    await clearSession();
    api = new FakeApi({ authenticated: false }).install();
    api.on('POST', '/session/login', { authorizationUrl: 'about:blank', loginSecret: 'secret-1' });
    popup = stubPopup();
  });
  afterEach(() => {
    popup.restore();
    api.restore();
  });

  it('can be closed with a button named in the page’s language, outside the live region', async () => {
    const el = await loggedIn(popup);
    expect(textOf(part(el, 'notice'))).to.equal(`Sikeres bejelentkezés. Üdvözöljük, ${DEMO_CUSTOMER.name}!`);
    const close = part<HTMLButtonElement>(el, 'notice-dismiss');
    expect(close.getAttribute('aria-label')).to.equal('Értesítés bezárása');
    expect(part(el, 'notice').contains(close)).to.equal(false); // not read out as part of the notice
    el.lang = 'en';
    await elementUpdated(el);
    expect(part(el, 'notice-dismiss').getAttribute('aria-label')).to.equal('Close the notice');

    part(el, 'notice-dismiss').click();
    await elementUpdated(el);
    expect(noticeShown(el)).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="notice-dismiss"]')).to.equal(null);
    // The focus stays in the portal instead of falling to the top of the page.
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'body'));
  });

  it('goes away when an overview item leads to another view (gp-navigate)', async () => {
    const el = await loggedIn(popup);
    expect(noticeShown(el)).to.equal(true);
    el.querySelector('#widget')!.dispatchEvent(new GpNavigateEvent('invoices'));
    await elementUpdated(el);
    expect(noticeShown(el)).to.equal(false);
  });

  it('goes away when the page moves on to another view (dismissNotice)', async () => {
    const el = await loggedIn(popup);
    el.dismissNotice();
    await elementUpdated(el);
    expect(noticeShown(el)).to.equal(false);
  });

  it('cannot be closed while the log-in is still running (the customer is told where to continue)', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="broker-1"><p>widgets</p></gp-portal>`);
    await waitUntil(() => el.session.status === 'anonymous', 'no session answer');
    await elementUpdated(el);
    part(el, 'login-button').click();
    await elementUpdated(el);
    expect(textOf(part(el, 'notice'))).to.contain('Bejelentkezés folyamatban');
    expect(el.shadowRoot!.querySelector('[part~="notice-dismiss"]')).to.equal(null);
    el.dismissNotice();
    await elementUpdated(el);
    expect(textOf(part(el, 'notice'))).to.contain('Bejelentkezés folyamatban');
  });
});
