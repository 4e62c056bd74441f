import '../../support/languages.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../../widgets/components/portal/portal.ts';
import '../../../../widgets/components/profile/profile.ts';
import type GpPortal from '../../../../widgets/components/portal/portal.component.ts';
import type { GpErrorEvent } from '../../../../widgets/events/error.ts';
import type { GpLoginEvent } from '../../../../widgets/events/login.ts';
import type { GpLogoutEvent } from '../../../../widgets/events/logout.ts';
import { clearSession, DEMO_CUSTOMER, FAKE_API_BASE, FakeApi, problem, seedSession, SEEDED_HANDLE } from '../../support/fake-api.ts';
import { part, textOf } from '../../support/render.ts';
import { PERSON } from '../profile/fixtures.ts';
import { stubPopup } from './popup-stand-in.ts';

const API_ORIGIN = new URL(FAKE_API_BASE).origin;
const has = (el: GpPortal, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) !== null;

async function mount(attributes = ''): Promise<GpPortal> {
  const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="broker-1" login-mode=${attributes || 'popup'}><p>widgets</p></gp-portal>`);
  await waitUntil(() => el.session.status !== 'checking', 'no session answer');
  await elementUpdated(el);
  return el;
}

describe('<gp-portal> session', () => {
  let api: FakeApi;
  afterEach(() => api.restore());

  describe('with an existing session', () => {
    beforeEach(async () => {
      await seedSession();
      api = new FakeApi({ authenticated: true }).install();
    });

    it('restores it on load: shows who is logged in, the widgets, and fires gp-login', async () => {
      const events: GpLoginEvent[] = [];
      const listener = (e: GpLoginEvent) => events.push(e);
      document.addEventListener('gp-login', listener);
      const el = await mount();
      document.removeEventListener('gp-login', listener);

      expect(el.session.status).to.equal('authenticated');
      expect(textOf(part(el, 'customer-name'))).to.equal(DEMO_CUSTOMER.name);
      expect(textOf(part(el, 'customer-number'))).to.equal(`Ügyfélszám: ${DEMO_CUSTOMER.customerNumber}`);
      expect(has(el, 'login-panel')).to.equal(false);
      expect(part(el, 'content').hidden).to.equal(false);
      expect(events.map((e) => [e.reason, e.customer.customerNumber])).to.deep.equal([['restored', DEMO_CUSTOMER.customerNumber]]);

      // The held handle and a proof of its key, and no cookie.
      const [check] = api.callsTo('GET', '/session');
      expect(check!.credentials).to.equal('omit');
      expect(check!.headers.get('x-gp-request')).to.equal('1');
      expect(check!.headers.get('authorization')).to.equal(`DPoP ${SEEDED_HANDLE}`);
      expect(check!.headers.get('dpop')).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      await expect(el).to.be.accessible();
    });

    it('logs out: the API ends the session, gp-logout fires, focus goes to the log-in button', async () => {
      const el = await mount();
      setTimeout(() => part(el, 'logout-button').click());
      const event = await oneEvent<GpLogoutEvent>(el, 'gp-logout');
      await elementUpdated(el);

      expect(event.reason).to.equal('logout');
      expect(api.callsTo('DELETE', '/session')).to.have.length(1);
      expect(el.session.status).to.equal('anonymous');
      expect(part(el, 'content').hidden).to.equal(true);
      expect(textOf(part(el, 'notice'))).to.equal('Kijelentkezett.');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'login-button'));
      // The handle and key are forgotten: a reload finds nobody logged in, and asks nothing.
      const calls = api.callsTo('GET', '/session').length;
      const reloaded = await mount();
      expect(reloaded.session.status).to.equal('anonymous');
      expect(api.callsTo('GET', '/session')).to.have.length(calls);
    });

    it('on load, forgets a handle the API no longer knows, quietly (no "expired" notice)', async () => {
      api.handles.clear();
      const el = await mount();
      expect(el.session.status).to.equal('anonymous');
      expect(textOf(part(el, 'notice'))).to.equal('');
      expect(has(el, 'login-panel')).to.equal(true);
    });

    it('lets the widgets load alongside the session check, not after it (first rows one round trip sooner)', async () => {
      let answer!: () => void;
      const held = new Promise<void>((resolve) => (answer = resolve));
      const check = api.callsTo.bind(api);
      const sessionAnswer = { authenticated: true, customer: DEMO_CUSTOMER, clientId: 'test', partner: { name: 'Teszt Alkusz' } };
      api.on('GET', '/session', async () => {
        await held;
        return { json: sessionAnswer };
      });
      api.on('GET', '/me', PERSON);
      const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="broker-1"><gp-profile></gp-profile></gp-portal>`);
      await waitUntil(() => check('GET', '/me').length === 1, 'the widget waited for the session check before loading');
      expect(el.session.status).to.equal('checking');
      expect(check('GET', '/me')[0]!.headers.get('authorization')).to.equal(`DPoP ${SEEDED_HANDLE}`);
      answer();
      await waitUntil(() => el.session.status === 'authenticated');
      expect(check('GET', '/me')).to.have.length(1);
    });

    it('drops what a stale handle loaded alongside the check: the logged-out state, no widget error', async () => {
      api.handles.clear();
      const errors: GpErrorEvent[] = [];
      const listener = (e: GpErrorEvent) => errors.push(e);
      document.addEventListener('gp-error', listener);
      try {
        const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="broker-1"><gp-profile></gp-profile></gp-portal>`);
        await waitUntil(() => el.session.status === 'anonymous', 'no session answer');
        const widget = el.querySelector('gp-profile')!;
        await waitUntil(() => widget.shadowRoot!.querySelector('[part~="logged-out"]'), 'the widget did not show the logged-out state');
        expect(widget.shadowRoot!.querySelector('[part~="details"]')).to.equal(null);
        expect(errors).to.deep.equal([]);
      } finally {
        document.removeEventListener('gp-error', listener);
      }
    });

    it('tells every widget when the API says the session expired', async () => {
      const el = await mount();
      api.on('GET', '/policies', problem(401, 'session_expired'));
      setTimeout(() => void el.context.api.get('/policies').catch(() => undefined));
      const event = await oneEvent<GpLogoutEvent>(el, 'gp-logout');
      await elementUpdated(el);

      expect(event.reason).to.equal('expired');
      expect(el.context.session.status).to.equal('anonymous');
      expect(textOf(part(el, 'notice'))).to.equal('A munkamenete lejárt. Kérjük, jelentkezzen be újra.');
      expect(has(el, 'login-panel')).to.equal(true);
    });
  });

  describe('logging in through the popup', () => {
    let popup: ReturnType<typeof stubPopup>;
    beforeEach(async () => {
      await clearSession();
      api = new FakeApi({ authenticated: false }).install();
      api.on('POST', '/session/login', { authorizationUrl: `${API_ORIGIN}/oidc/auth?client_id=broker-1`, loginSecret: 'secret-1' });
      popup = stubPopup();
    });
    afterEach(() => popup.restore());

    it('opens the popup in the click, redeems the ticket it posts back, and fires gp-login', async () => {
      const el = await mount();
      part(el, 'login-button').click();
      expect(popup.opened).to.deep.equal(['about:blank']); // opened synchronously, before any request
      await waitUntil(() => api.callsTo('POST', '/session/login').length === 1);
      expect(api.callsTo('POST', '/session/login')[0]!.body).to.deep.equal({ clientId: 'broker-1', mode: 'popup', lang: 'hu' });
      expect(part<HTMLButtonElement>(el, 'login-button').disabled).to.equal(true);

      // A message from another origin, or from a window that is not the popup, is ignored.
      window.dispatchEvent(
        new MessageEvent('message', { origin: 'https://evil.test', source: popup.frame.contentWindow, data: { type: 'gp-login', ticket: 'forged' } }),
      );
      window.dispatchEvent(new MessageEvent('message', { origin: API_ORIGIN, source: window, data: { type: 'gp-login', ticket: 'forged' } }));
      setTimeout(() =>
        window.dispatchEvent(
          new MessageEvent('message', { origin: API_ORIGIN, source: popup.frame.contentWindow, data: { type: 'gp-login', ticket: 'ticket-1' } }),
        ),
      );
      const login = await oneEvent<GpLoginEvent>(el, 'gp-login');
      await elementUpdated(el);

      expect(login.reason).to.equal('login');
      const [redeem] = api.callsTo('POST', '/session');
      expect(api.callsTo('POST', '/session').map((c) => c.body)).to.deep.equal([{ ticket: 'ticket-1', loginSecret: 'secret-1' }]);
      // The redeem carries a proof of the new key and no handle; then one call with the new handle confirms the session.
      expect(redeem!.headers.get('dpop')).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(redeem!.headers.has('authorization')).to.equal(false);
      const confirm = api.callsTo('GET', '/session');
      expect(confirm.map((c) => c.headers.get('authorization'))).to.deep.equal(['DPoP handle-1']);
      expect(api.calls.indexOf(confirm[0]!)).to.be.greaterThan(api.calls.indexOf(redeem!));
      expect(el.session.status).to.equal('authenticated');
      expect(has(el, 'storage-notice')).to.equal(false); // IndexedDB keeps the key here
      expect(textOf(part(el, 'notice'))).to.equal(`Sikeres bejelentkezés. Üdvözöljük, ${DEMO_CUSTOMER.name}!`);
      // The notice follows a language switch.
      el.lang = 'en';
      await elementUpdated(el);
      expect(textOf(part(el, 'notice'))).to.equal(`You are logged in. Welcome, ${DEMO_CUSTOMER.name}!`);
      expect(sessionStorage.length).to.equal(0);
      expect(localStorage.length).to.equal(0);
    });

    it('never says "expired" right after a log-in the browser did not keep: it says what to do (hu, en)', async () => {
      // The redeem works, but the confirming call is refused (as when a browser drops what the session needs).
      api.on('GET', '/session', problem(401, 'session_expired'));
      const el = await mount();
      part(el, 'login-button').click();
      await waitUntil(() => api.callsTo('POST', '/session/login').length === 1);
      setTimeout(() =>
        window.dispatchEvent(
          new MessageEvent('message', { origin: API_ORIGIN, source: popup.frame.contentWindow, data: { type: 'gp-login', ticket: 'ticket-3' } }),
        ),
      );
      const error = await oneEvent<GpErrorEvent>(el, 'gp-error');
      await elementUpdated(el);
      expect(error.code).to.equal('session_not_confirmed');
      expect(el.session.status).to.equal('anonymous');
      const notice = textOf(part(el, 'notice'));
      expect(notice).to.contain('A bejelentkezés sikerült, de a böngésző nem őrizte meg.');
      expect(notice).not.to.contain('lejárt');
      el.lang = 'en';
      await elementUpdated(el);
      expect(textOf(part(el, 'notice'))).to.contain('allow this site to store data');
    });

    it('still logs in when the ticket arrives just after the popup closed (a busy machine)', async () => {
      const el = await mount();
      part(el, 'login-button').click();
      await waitUntil(() => api.callsTo('POST', '/session/login').length === 1);
      const source = popup.frame.contentWindow;
      popup.frame.remove(); // closed first …
      await new Promise((resolve) => setTimeout(resolve, 450)); // … seen closed by a poll (every 400 ms) …
      window.dispatchEvent(new MessageEvent('message', { origin: API_ORIGIN, source, data: { type: 'gp-login', ticket: 'ticket-late' } })); // … then the message
      await waitUntil(() => el.session.status === 'authenticated', 'the late ticket was not redeemed', { timeout: 4000 });
      expect(api.callsTo('POST', '/session').map((c) => c.body)).to.deep.equal([{ ticket: 'ticket-late', loginSecret: 'secret-1' }]);
    });

    it('says so when the customer closes the popup', async () => {
      const el = await mount();
      part(el, 'login-button').click();
      await waitUntil(() => api.callsTo('POST', '/session/login').length === 1);
      setTimeout(() => popup.frame.remove());
      const error = await oneEvent<GpErrorEvent>(el, 'gp-error');
      await elementUpdated(el);
      expect(error.code).to.equal('login_cancelled');
      expect(el.session.status).to.equal('anonymous');
      expect(textOf(part(el, 'notice'))).to.equal('A bejelentkezési ablakot a bejelentkezés befejezése előtt bezárta.');
      expect(part<HTMLButtonElement>(el, 'login-button').disabled).to.equal(false);
      expect(api.callsTo('POST', '/session')).to.have.length(0);
    });

    it('shows a refused log-in start without opening the IdP', async () => {
      api.on('POST', '/session/login', problem(403, 'origin_not_allowed'));
      const el = await mount();
      setTimeout(() => part(el, 'login-button').click());
      const error = await oneEvent<GpErrorEvent>(el, 'gp-error');
      await elementUpdated(el);
      expect(error.code).to.equal('origin_not_allowed');
      expect(textOf(part(el, 'notice'))).to.equal('Ez az oldal nem jogosult az Ügyfélportál használatára.');
      expect(popup.frame.contentWindow?.location.href ?? 'closed').not.to.contain('/oidc/auth');
    });
  });

  describe('coming back from a redirect log-in', () => {
    beforeEach(async () => {
      await clearSession();
      api = new FakeApi({ authenticated: false }).install();
    });
    afterEach(() => sessionStorage.clear());

    it('redeems the ticket from the fragment with the stored secret and the key that waited in IndexedDB, then removes both', async () => {
      const before = location.href;
      sessionStorage.setItem('gp-login-secret', 'secret-2');
      // The key the page made before it left for the log-in page.
      const { openKeyStore } = await import('../../../../widgets/session/key-store.ts');
      const { generateKeyPair, calculateThumbprint } = await import('dpop');
      const keys = await generateKeyPair('ES256', { extractable: false });
      await (await openKeyStore(FAKE_API_BASE)).save({ keys });
      history.replaceState(null, '', `${location.pathname}${location.search}#gp-ticket=ticket-2`);
      const el = await mount('redirect');

      const [redeem] = api.callsTo('POST', '/session');
      expect(redeem!.body).to.deep.equal({ ticket: 'ticket-2', loginSecret: 'secret-2' });
      // Signed by that very key.
      const header = JSON.parse(atob(redeem!.headers.get('dpop')!.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')));
      const signer = await crypto.subtle.importKey('jwk', header.jwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      expect(await calculateThumbprint(signer)).to.equal(await calculateThumbprint(keys.publicKey));
      expect(el.session.status).to.equal('authenticated');
      expect(location.hash).to.equal('');
      expect(sessionStorage.getItem('gp-login-secret')).to.equal(null);
      history.replaceState(null, '', before);
    });

    it('shows a log-in error from the fragment', async () => {
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}${location.search}#gp-login-error=access_denied`);
      const el = await mount('redirect');
      expect(location.hash).to.equal('');
      expect(textOf(part(el, 'notice'))).to.equal('A bejelentkezés megszakadt: nem adott hozzájárulást.');
      expect(api.callsTo('POST', '/session')).to.have.length(0);
      history.replaceState(null, '', before);
    });
  });
});
