import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type GpProfile from '../../../../widgets/components/profile/profile.ts';
import '../../../../widgets/components/profile/profile.ts';
import { FAKE_API_BASE, FakeApi, problem, type FakeRequest } from '../../support/fake-api.ts';
import { inPortal, part, parts, textOf } from '../../support/render.ts';
import { PERSON, SECURITY, SESSIONS } from './fixtures.ts';

type El = GpProfile;
const root = (el: El) => el.shadowRoot!;
const focused = (el: El) => root(el).activeElement;

async function render(options: { lang?: 'hu' | 'en' } = {}) {
  const { portal, widget } = await inPortal<El>(html`<gp-profile></gp-profile>`, options);
  await waitUntil(() => root(widget).querySelector('[part~="session-list"]'), 'the security section never showed');
  return { portal, el: widget };
}

describe('<gp-profile> security section', () => {
  let api: FakeApi;
  let sessions: typeof SESSIONS;
  beforeEach(() => {
    sessions = [...SESSIONS];
    api = new FakeApi()
      .on('GET', '/me', PERSON)
      .on('GET', '/security', SECURITY)
      .on('GET', '/security/sessions', () => ({ json: { sessions } }))
      .on('DELETE', '/security/sessions/:id', (request: FakeRequest) => {
        sessions = sessions.filter((s) => s.id !== request.params.id);
        return { status: 204 };
      })
      .on('DELETE', '/security/sessions', () => {
        const ended = sessions.filter((s) => !s.current).length;
        sessions = sessions.filter((s) => s.current);
        return { json: { ended } };
      })
      .install();
  });
  afterEach(() => api.restore());

  it('lists the sessions (device, site or “another site”, this one marked), passkeys, two-step status and the IdP links', async () => {
    const { el } = await render();
    const items = parts(el, 'session').map(textOf);
    expect(items).to.have.length(3);
    expect(items[0]).to.include('Chrome, Windows 10').and.include('Ez a bejelentkezés').and.include('Teszt Alkusz');
    expect(items[1]).to.include('Firefox, Android 14').and.include('egy másik partnerünk oldala');
    expect(items[2]).to.include('Ismeretlen böngésző');
    // No log-out button on this very session; one per other session, named by its device.
    expect(parts(el, 'end-session-button').map(textOf)).to.deep.equal(['Kijelentkeztetés: Firefox, Android 14', 'Kijelentkeztetés: Ismeretlen böngésző']);
    expect(textOf(part(el, 'security-methods')))
      .to.include('1 azonosítókulcs')
      .and.include('Bekapcsolva (8 tartalékkód maradt)');
    const manage = part<HTMLAnchorElement>(el, 'manage-link');
    expect(manage.href).to.equal('https://api.test/account/security?lang=hu');
    expect(manage.target).to.equal('_blank');
    expect(part<HTMLAnchorElement>(el, 'password-link').href).to.equal('https://api.test/account/change-password?lang=hu');
    expect(textOf(manage)).to.include('új lapon nyílik meg');
  });

  it('shows a loading skeleton while the section loads', async () => {
    let release!: () => void;
    api.on('GET', '/security/sessions', () => new Promise((resolve) => (release = () => resolve({ json: { sessions } }))));
    const { widget: el } = await inPortal<El>(html`<gp-profile></gp-profile>`);
    await waitUntil(() => root(el).querySelector('[part~="security-section"] [part~="loading"]'), 'no skeleton');
    release();
    await waitUntil(() => root(el).querySelector('[part~="session-list"]'));
  });

  it('ends one session after an inline confirmation, with the keyboard, and says so', async () => {
    const { el } = await render();
    parts(el, 'end-session-button')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[part~="confirm"]'));
    expect(textOf(part(el, 'confirm'))).to.include('Firefox, Android 14');
    expect(focused(el) === part(el, 'confirm-button'), 'focus on “yes”').to.equal(true);
    expect(api.callsTo('DELETE', `/security/sessions/${SESSIONS[1]!.id}`)).to.have.length(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(part(el, 'security-notice')) !== '', 'no notice');
    expect(api.callsTo('DELETE', `/security/sessions/${SESSIONS[1]!.id}`)).to.have.length(1);
    expect(textOf(part(el, 'security-notice'))).to.equal('A kijelölt bejelentkezést lezártuk.');
    expect(parts(el, 'session')).to.have.length(2);
    expect(focused(el)?.id).to.equal('sessions-heading');
  });

  it('cancelling the confirmation ends nothing and gives focus back', async () => {
    const { el } = await render();
    part(el, 'end-others-button').click();
    await el.updateComplete;
    await waitUntil(() => root(el).querySelector('[part~="confirm"]'));
    part(el, 'cancel-button').click();
    await waitUntil(() => {
      const back = root(el).querySelector('[part~="end-others-button"]');
      return back !== null && focused(el) === back;
    }, 'focus back');
    expect(api.callsTo('DELETE', '/security/sessions')).to.have.length(0);
  });

  it('ends all other sessions after confirmation; then only this one is left', async () => {
    const { el } = await render();
    part(el, 'end-others-button').click();
    await waitUntil(() => root(el).querySelector('[part~="confirm-button"]'));
    part(el, 'confirm-button').click();
    await waitUntil(() => textOf(part(el, 'security-notice')) !== '', 'no notice');
    expect(api.callsTo('DELETE', '/security/sessions')).to.have.length(1);
    expect(textOf(part(el, 'security-notice'))).to.include('2 másik bejelentkezését lezártuk');
    expect(parts(el, 'session')).to.have.length(1);
    expect(root(el).querySelector('[part~="end-others-button"]')).to.equal(null);
  });

  it('shows a refused end (already gone) and reloads the list', async () => {
    api.on('DELETE', '/security/sessions/:id', problem(404, 'session_not_found'));
    const { el } = await render();
    parts(el, 'end-session-button')[0]!.click();
    await waitUntil(() => root(el).querySelector('[part~="confirm-button"]'));
    part(el, 'confirm-button').click();
    await waitUntil(() => root(el).querySelector('[part~="security-section"] [part~="form-error"]'), 'no error');
    expect(textOf(part(el, 'form-error'))).to.equal('Ez a bejelentkezés már nem él.');
    expect(api.callsTo('GET', '/security/sessions').length).to.equal(2);
  });

  it('reflows at 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el } = await render();
      const section = part(el, 'security-section');
      expect(section.scrollWidth).to.be.at.most(section.clientWidth + 1);
      expect(el.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('passes axe in Hungarian and English, also while confirming', async () => {
    const { el, portal } = await render();
    await expect(el).to.be.accessible();
    part(el, 'end-others-button').click();
    await waitUntil(() => root(el).querySelector('[part~="confirm"]'));
    await expect(el).to.be.accessible();
    portal.lang = 'en';
    await elementUpdated(portal);
    await el.updateComplete;
    expect(textOf(part(el, 'security-section')))
      .to.include('Security')
      .and.include('Where you are logged in')
      .and.include('another partner’s website');
    await expect(el).to.be.accessible();
  });
});

describe('<gp-profile> step-up before an e-mail change', () => {
  let api: FakeApi;
  let popupFrame: HTMLIFrameElement;
  let originalOpen: typeof window.open;
  beforeEach(() => {
    api = new FakeApi()
      .on('GET', '/me', PERSON)
      .on('GET', '/security', SECURITY)
      .on('GET', '/security/sessions', { sessions: SESSIONS })
      .on('POST', '/session/reauthentication', { authorizationUrl: 'about:blank', loginSecret: 'login-secret' })
      .on('POST', '/session/reauthentication/ticket', { status: 204 })
      .install();
    // The popup seam: window.open hands out a frame's window, which "posts" the ticket as the
    // result page would (from the API's origin and from that very window).
    popupFrame = document.createElement('iframe');
    document.body.append(popupFrame);
    originalOpen = window.open;
    window.open = () => popupFrame.contentWindow;
  });
  afterEach(() => {
    api.restore();
    window.open = originalOpen;
    popupFrame.remove();
  });

  async function sendEmailChange(el: El) {
    part(el, 'email-button').click();
    await el.updateComplete;
    const email = root(el).querySelector<HTMLInputElement>('#newEmail')!;
    const password = root(el).querySelector<HTMLInputElement>('#password')!;
    email.value = 'uj.cim@example.hu';
    password.value = 'Jelszo-12345';
    part<HTMLFormElement>(el, 'email-form').requestSubmit();
  }

  it('re-authenticates in the popup when the API asks, then sends the very same request again', async () => {
    let attempts = 0;
    api.on('POST', '/me/email-change', () => (++attempts === 1 ? problem(403, 'reauthentication_required') : { status: 202, json: { pending: true } }));
    const { widget: el } = await inPortal<El>(html`<gp-profile></gp-profile>`);
    await waitUntil(() => root(el).querySelector('[part~="email-button"]'));
    await sendEmailChange(el);

    await waitUntil(() => api.callsTo('POST', '/session/reauthentication').length === 1, 'no re-authentication started');
    expect(api.callsTo('POST', '/session/reauthentication')[0]!.body).to.deep.equal({ lang: 'hu' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: new URL(FAKE_API_BASE).origin,
        source: popupFrame.contentWindow,
        data: { type: 'gp-login', ticket: 'the-ticket' },
      }),
    );
    await waitUntil(() => textOf(part(el, 'notice')).includes('uj.cim@example.hu'), 'the change never went through');

    expect(api.callsTo('POST', '/session/reauthentication/ticket')[0]!.body).to.deep.equal({ ticket: 'the-ticket', loginSecret: 'login-secret' });
    const sent = api.callsTo('POST', '/me/email-change').map((c) => c.body);
    expect(sent).to.have.length(2);
    expect(sent[1]).to.deep.equal(sent[0]);
    expect(sent[0]).to.deep.equal({ newEmail: 'uj.cim@example.hu', password: 'Jelszo-12345' });
  });

  it('with a fresh log-in the change goes straight through, no popup', async () => {
    api.on('POST', '/me/email-change', { status: 202, json: { pending: true } });
    const { widget: el } = await inPortal<El>(html`<gp-profile></gp-profile>`);
    await waitUntil(() => root(el).querySelector('[part~="email-button"]'));
    await sendEmailChange(el);
    await waitUntil(() => textOf(part(el, 'notice')).includes('uj.cim@example.hu'));
    expect(api.callsTo('POST', '/session/reauthentication')).to.have.length(0);
    expect(api.callsTo('POST', '/me/email-change')).to.have.length(1);
  });

  it('a blocked popup is said in words, and nothing is sent again', async () => {
    window.open = () => null;
    api.on('POST', '/me/email-change', problem(403, 'reauthentication_required'));
    const { widget: el } = await inPortal<El>(html`<gp-profile></gp-profile>`);
    await waitUntil(() => root(el).querySelector('[part~="email-button"]'));
    await sendEmailChange(el);
    await waitUntil(() => root(el).querySelector('[part~="email-form"] [part~="form-error"]'), 'no error');
    expect(textOf(part(el, 'form-error'))).to.include('letiltotta a bejelentkezési ablakot');
    expect(api.callsTo('POST', '/me/email-change')).to.have.length(1);
  });
});
