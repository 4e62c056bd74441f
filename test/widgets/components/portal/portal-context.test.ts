import '../../support/languages.ts';
import { describe, it } from '../../mocha.ts';
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement, html as litHtml } from 'lit';
import '../../../../widgets/components/portal/portal.ts';
import type GpPortal from '../../../../widgets/components/portal/portal.component.ts';
import { portalContext } from '../../../../widgets/context/portal-context.ts';
import { LocalizeController } from '../../../../widgets/internal/localize-controller.ts';

/** A stand-in for a future widget: it localizes and reads the portal context like the real ones will. */
class TestWidget extends LitElement {
  readonly localize = new LocalizeController(this);
  readonly portal = new ContextConsumer(this, { context: portalContext, subscribe: true });
  renders = 0;

  protected override render() {
    this.renders++;
    return litHtml`<p>${this.localize.term('auth.login')} · ${this.localize.money(1234567)} · ${this.localize.date('2025-03-14')}</p>`;
  }
}
customElements.define('gp-test-widget', TestWidget);

const widgetText = (w: TestWidget) => w.shadowRoot!.textContent!.replace(/[ \t\r\n]+/g, ' ').trim();

describe('<gp-portal> context', () => {
  it('gives widgets inside it the language, API base and client id', async () => {
    const el = await fixture<GpPortal>(
      html`<gp-portal client-id="broker-1" api="https://portal.example/" lang="en"><gp-test-widget></gp-test-widget></gp-portal>`,
    );
    const widget = el.querySelector<TestWidget>('gp-test-widget')!;
    await elementUpdated(widget);
    expect(widget.portal.value).to.include({ lang: 'en', apiBase: 'https://portal.example/api', clientId: 'broker-1' });
    expect(widget.portal.value!.api.base).to.equal('https://portal.example/api');
    expect(el.context).to.equal(widget.portal.value);
    expect(widgetText(widget)).to.equal('Log in · HUF\u00a01,234,567 · 14/03/2025');
  });

  it('defaults the API base to /api on the origin the script was loaded from', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal client-id="x"></gp-portal>`);
    // The test server serves the widget modules, so their origin is the page's.
    expect(el.context.apiBase).to.equal(`${location.origin}/api`);
    el.api = '';
    await elementUpdated(el);
    expect(el.context.apiBase).to.equal(`${location.origin}/api`);
  });

  it('re-renders widgets when the language changes at runtime', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal client-id="x"><gp-test-widget></gp-test-widget></gp-portal>`);
    const widget = el.querySelector<TestWidget>('gp-test-widget')!;
    await elementUpdated(widget);
    expect(widgetText(widget)).to.equal('Bejelentkezés · 1\u00a0234\u00a0567\u00a0Ft · 2025. 03. 14.');
    const before = widget.renders;

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="lang-button"][lang="en"]')!.click();
    await elementUpdated(el);
    await elementUpdated(widget);
    expect(widget.localize.lang).to.equal('en');
    expect(widget.localize.locale).to.equal('en-GB');
    expect(widgetText(widget)).to.equal('Log in · HUF\u00a01,234,567 · 14/03/2025');
    expect(widget.renders).to.equal(before + 1);
  });

  it('does not re-render widgets when nothing they receive changed', async () => {
    const el = await fixture<GpPortal>(html`<gp-portal client-id="x"><gp-test-widget></gp-test-widget></gp-portal>`);
    const widget = el.querySelector<TestWidget>('gp-test-widget')!;
    await elementUpdated(widget);
    const before = widget.renders;
    const value = el.context;
    el.loginMode = 'redirect';
    el.api = el.context.apiBase + '/';
    await elementUpdated(el);
    await elementUpdated(widget);
    expect(el.context).to.equal(value);
    expect(widget.renders).to.equal(before);
  });

  it('speaks Hungarian outside a portal', async () => {
    const widget = await fixture<TestWidget>(html`<gp-test-widget></gp-test-widget>`);
    expect(widget.localize.lang).to.equal('hu');
    expect(widgetText(widget)).to.match(/^Bejelentkezés/);
  });
});
