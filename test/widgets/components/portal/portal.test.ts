import '../../support/languages.ts';
import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { elementUpdated, expect, fixture as litFixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { clearSession, FAKE_API_BASE, FakeApi, seedSession } from '../../support/fake-api.ts';
import { sendKeys } from '@web/test-runner-commands';
import { GpLangChangedEvent } from '../../../../widgets/events/lang-changed.ts';
import { GpLoginRequestedEvent } from '../../../../widgets/events/login-requested.ts';
import GpPortal from '../../../../widgets/components/portal/portal.ts';

const shadow = (el: GpPortal) => el.shadowRoot!;
const part = <T extends Element = HTMLElement>(el: GpPortal, name: string) => {
  const node = shadow(el).querySelector<T>(`[part~="${name}"]`);
  if (!node) throw new Error(`no part "${name}"`);
  return node;
};
const text = (el: GpPortal, name: string) => part(el, name).textContent!.replace(/\s+/g, ' ').trim();
/** Finishes running CSS transitions so computed styles show the end state. */
const settle = (el: GpPortal) =>
  shadow(el)
    .getAnimations()
    .forEach((a) => a.finish());
const langButton = (el: GpPortal, lang: string) => shadow(el).querySelector<HTMLButtonElement>(`[part~="lang-button"][lang="${lang}"]`)!;

/** Renders, then waits until the portal inside has asked the (fake, logged-out) API for the session. */
async function fixture<T extends Element>(template: TemplateResult): Promise<T> {
  const el = await litFixture<T>(template);
  const portal = (el.localName === 'gp-portal' ? el : el.querySelector('gp-portal')) as GpPortal | null;
  if (!portal) return el;
  await waitUntil(() => portal.session.status !== 'checking', 'no session answer');
  await elementUpdated(portal);
  return el;
}

/** Keeps a log-in button click from opening a real popup: the page "handles" the log-in. */
const handleLoginInPage = (event: Event) => event.preventDefault();

describe('<gp-portal>', () => {
  let api: FakeApi;
  beforeEach(async () => {
    await clearSession();
    api = new FakeApi({ authenticated: false }).install();
    document.addEventListener('gp-login-requested', handleLoginInPage);
  });
  afterEach(() => {
    api.restore();
    document.removeEventListener('gp-login-requested', handleLoginInPage);
  });

  it('is registered under gp-portal', () => {
    expect(customElements.get('gp-portal')).to.equal(GpPortal);
    expect(document.createElement('gp-portal')).to.be.instanceOf(GpPortal);
  });

  it('renders the logged-out state in Hungarian by default', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);

    expect(el.lang).to.equal('hu');
    expect(part(el, 'base').getAttribute('lang')).to.equal('hu');
    expect(text(el, 'insurer')).to.equal('Gránit Pont Biztosító');
    expect(text(el, 'title')).to.equal('Ügyfélportál');
    expect(text(el, 'login-heading')).to.equal('Jelentkezzen be az Ügyfélportálra');
    expect(text(el, 'login-text')).to.match(/^Itt láthatja élő és törölt szerződéseit/);
    // The card says "Jelentkezzen be" once, in its heading.
    expect(text(el, 'base').split('Jelentkezzen be')).to.have.length(2);
    expect(text(el, 'login-button')).to.equal('Bejelentkezés');
    expect(part(el, 'login-button').tagName).to.equal('BUTTON');
    expect(part<HTMLButtonElement>(el, 'login-button').disabled).to.equal(false);

    const region = part(el, 'base');
    expect(region.tagName).to.equal('SECTION');
    expect(region.getAttribute('aria-label')).to.equal('Gránit Pont Biztosító – Ügyfélportál');
  });

  it('passes the axe accessibility audit in both languages', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await elementUpdated(el);
    await expect(el).to.be.accessible();
  });

  it('switches every string to English and back at runtime', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);
    const hungarian = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(langButton(el, 'hu').getAttribute('aria-pressed')).to.equal('true');
    expect(langButton(el, 'en').getAttribute('aria-pressed')).to.equal('false');

    setTimeout(() => langButton(el, 'en').click());
    const toEnglish = await oneEvent<GpLangChangedEvent>(el, 'gp-lang-changed');
    await elementUpdated(el);

    expect(toEnglish).to.be.instanceOf(GpLangChangedEvent);
    expect(toEnglish.lang).to.equal('en');
    expect(toEnglish.previousLang).to.equal('hu');
    expect(el.lang).to.equal('en');
    expect(part(el, 'base').getAttribute('lang')).to.equal('en');
    expect(text(el, 'title')).to.equal('Customer portal');
    expect(text(el, 'login-heading')).to.equal('Log in to the customer portal');
    expect(text(el, 'login-button')).to.equal('Log in');
    expect(text(el, 'login-hint')).to.match(/^First time here\?/);
    expect(part(el, 'base').getAttribute('aria-label')).to.equal('Gránit Pont Biztosító – Customer portal');
    expect(part(el, 'lang-switch').getAttribute('aria-label')).to.equal('Choose language');
    expect(langButton(el, 'en').getAttribute('aria-pressed')).to.equal('true');
    expect(langButton(el, 'hu').getAttribute('aria-pressed')).to.equal('false');
    // No Hungarian string survives apart from the insurer's name and the language names.
    const english = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(english).not.to.include('Jelentkezzen');
    expect(english).not.to.include('Ügyfélportál');

    langButton(el, 'hu').click();
    await elementUpdated(el);
    expect(el.lang).to.equal('hu');
    expect(shadow(el).textContent!.replace(/\s+/g, ' ')).to.equal(hungarian);
  });

  it("leaves the language of the page's slotted content alone", async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="hu"><gp-portal api=${FAKE_API_BASE} client-id="test"><p>Szerződések</p></gp-portal></div>`);
    const el = page.querySelector('gp-portal')!;
    const slotted = page.querySelector('p')!;
    await elementUpdated(el);
    langButton(el, 'en').click();
    await elementUpdated(el);
    expect(part(el, 'login-button').matches(':lang(en)')).to.equal(true);
    expect(slotted.matches(':lang(hu)')).to.equal(true);
    expect(el.hasAttribute('lang')).to.equal(false);
  });

  it('does not fire gp-lang-changed for the current language or when the page sets lang', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);
    let fired = 0;
    el.addEventListener('gp-lang-changed', () => fired++);
    langButton(el, 'hu').click();
    el.setAttribute('lang', 'en');
    await elementUpdated(el);
    expect(el.lang).to.equal('en');
    expect(text(el, 'login-button')).to.equal('Log in');
    expect(fired).to.equal(0);
  });

  it('maps lang tags by their primary subtag and falls back to Hungarian', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test" lang="en-GB"></gp-portal>`);
    expect(el.lang).to.equal('en');
    el.setAttribute('lang', 'de');
    await elementUpdated(el);
    expect(el.lang).to.equal('hu');
    expect(text(el, 'login-button')).to.equal('Bejelentkezés');
  });

  it('emits gp-login-requested that bubbles and crosses shadow roots', async () => {
    // Put the portal inside another component's shadow root, as a partner's own element might.
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = wrapper.attachShadow({ mode: 'open' });
    const el = document.createElement('gp-portal');
    el.setAttribute('client-id', 'test');
    el.setAttribute('api', FAKE_API_BASE);
    root.append(el);
    await waitUntil(() => el.session.status === 'anonymous', 'no session answer');
    await elementUpdated(el);

    const received: { event: GpLoginRequestedEvent; target: EventTarget | null; path: EventTarget[] }[] = [];
    const listener = (event: GpLoginRequestedEvent) => received.push({ event, target: event.target, path: event.composedPath() });
    document.addEventListener('gp-login-requested', listener);
    try {
      part(el, 'login-button').click();
    } finally {
      document.removeEventListener('gp-login-requested', listener);
    }

    expect(received).to.have.length(1);
    const [{ event, target, path }] = received as [(typeof received)[number]];
    expect(event).to.be.instanceOf(GpLoginRequestedEvent);
    expect(event.type).to.equal('gp-login-requested');
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(true);
    expect(event.loginMode).to.equal('popup');
    expect(target).to.equal(wrapper); // retargeted to the outermost shadow host
    expect(path).to.include(el);
  });

  it('reports the configured login mode, defaulting unknown values to popup', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test" login-mode="redirect"></gp-portal>`);
    setTimeout(() => part(el, 'login-button').click());
    expect((await oneEvent<GpLoginRequestedEvent>(el, 'gp-login-requested')).loginMode).to.equal('redirect');

    el.setAttribute('login-mode', 'iframe');
    await elementUpdated(el);
    expect(el.loginMode).to.equal('popup');
  });

  it('shows the keyboard focus ring on the log-in button', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);
    const button = part(el, 'login-button');
    expect(getComputedStyle(button).outlineStyle).to.equal('none');

    // Tab through the language buttons to the log-in button.
    langButton(el, 'en').focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button);
    expect(button.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
  });

  it('shows the content slot only when a customer is logged in and something is slotted', async () => {
    const anonymous = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"><p>Widget</p></gp-portal>`);
    expect(part(anonymous, 'content').hidden).to.equal(true);
    api.restore();
    api = new FakeApi({ authenticated: true }).install();
    await seedSession(); // a page that holds a session

    const empty = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"> </gp-portal>`);
    expect(part(empty, 'content').hidden).to.equal(true);

    const filled = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"><p id="child">Widget</p></gp-portal>`);
    await elementUpdated(filled);
    const content = part(filled, 'content');
    expect(content.hidden).to.equal(false);
    const slot = content.querySelector('slot')!;
    expect(slot.assignedElements()).to.deep.equal([filled.querySelector('#child')]);
  });

  it('is themed through --gp-* custom properties', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);
    const button = part(el, 'login-button');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(10, 74, 134)');

    el.style.setProperty('--gp-color-primary', 'rgb(1, 2, 3)');
    el.style.setProperty('--gp-color-on-primary', 'rgb(250, 240, 230)');
    el.style.setProperty('--gp-radius', '3px');
    settle(el);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(button).color).to.equal('rgb(250, 240, 230)');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('3px');
  });

  it('inherits tokens set on an ancestor, as a partner stylesheet does', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--gp-color-surface: rgb(9, 8, 7); --gp-spacing: 10px"><gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal></div>`,
    );
    const el = wrapper.querySelector('gp-portal')!;
    await elementUpdated(el);
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal('rgb(9, 8, 7)');
    expect(getComputedStyle(part(el, 'body')).paddingTop).to.equal('15px'); // 1.5 × spacing
  });

  it("uses the page's font unless --gp-font-family is set", async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font-family: Georgia, serif"><gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal></div>`,
    );
    const el = wrapper.querySelector('gp-portal')!;
    await elementUpdated(el);
    expect(getComputedStyle(part(el, 'login-text')).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(part(el, 'login-button')).fontFamily).to.equal('Georgia, serif');
    wrapper.style.setProperty('--gp-font-family', 'monospace');
    expect(getComputedStyle(part(el, 'login-text')).fontFamily).to.equal('monospace');
  });

  it('follows a dark color-scheme on the host page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal></div>`);
    const el = wrapper.querySelector('gp-portal')!;
    await elementUpdated(el);
    const frame = part(el, 'base');
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgb(255, 255, 255)');
    wrapper.style.colorScheme = 'dark';
    settle(el);
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgb(22, 28, 35)');
    expect(getComputedStyle(frame).color).to.equal('rgb(231, 236, 241)');
    await expect(el).to.be.accessible();
  });

  it('exposes its nodes as ::part()s for partner styling', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test"></gp-portal>`);
    for (const name of [
      'base',
      'header',
      'brand',
      'logo',
      'insurer',
      'title',
      'lang-switch',
      'lang-button',
      'body',
      'login-panel',
      'login-heading',
      'login-text',
      'login-button',
      'login-hint',
      'content',
    ]) {
      expect(shadow(el).querySelector(`[part~="${name}"]`), name).to.exist;
    }
  });
});
