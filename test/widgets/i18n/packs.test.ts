import type { Lang } from '../../../widgets/i18n/lang.ts';
import { describe, it } from '../mocha.ts';
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocalizeController } from '../../../widgets/internal/localize-controller.ts';
import { GpElement } from '../../../widgets/internal/gp-element.ts';
import { hasParts, loadPack, packOf } from '../../../widgets/i18n/packs.ts';
import { translate } from '../../../widgets/i18n/translate.ts';

// This file deliberately does not preload the packs (no support/languages.ts import).

class PackWidget extends LitElement {
  readonly localize = new LocalizeController(this, { lang: () => this.language });
  language: Lang = 'en';
  protected override render() {
    return litHtml`<button>${this.localize.term('auth.login')}</button>`;
  }
}
customElements.define('gp-pack-widget', PackWidget);

/** A widget like the lazily defined claim form: its terms are a part of the pack of their own. */
class PartWidget extends LitElement {
  readonly localize = new LocalizeController(this, { lang: () => 'en', parts: ['claimForm'] });
  protected override render() {
    return litHtml`<h2>${this.localize.term('claimForm.heading')}</h2>`;
  }
}
customElements.define('gp-part-widget', PartWidget);

/** A widget on the widgets' base class whose texts are a part of the pack (like the profile). */
class LazyTextsWidget extends GpElement {
  static override termParts = ['profile'] as const;
  protected override render() {
    return litHtml`<h2>${this.localize.term('profile.heading')}</h2>`;
  }
}
customElements.define('gp-lazy-texts-widget', LazyTextsWidget);

describe('language packs', () => {
  it('are fetched on first use: a widget renders again when its language arrives', async () => {
    expect(packOf('en')).to.equal(undefined);
    expect(translate('en', 'auth.login')).to.equal('');
    const el = await fixture<PackWidget>(html`<gp-pack-widget></gp-pack-widget>`);
    await waitUntil(() => el.shadowRoot!.textContent!.trim() === 'Log in', 'the English pack never arrived');
    expect(el.localize.ready).to.equal(true);
    // Only the language in use was fetched.
    expect(packOf('hu')).to.equal(undefined);
  });

  it('are fetched once however many ask', async () => {
    const [a, b] = [loadPack('hu'), loadPack('hu')];
    expect(a).to.equal(b);
    const pack = await a;
    expect(pack['auth.login']).to.equal('Bejelentkezés');
    const el = await fixture<PackWidget>(html`<gp-pack-widget></gp-pack-widget>`);
    el.language = 'hu';
    el.requestUpdate();
    await elementUpdated(el);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('Bejelentkezés');
  });

  it("bring a lazily defined widget's terms with it, not with every page", async () => {
    await loadPack('en');
    // The core (what every page loads) does not carry the claim form's terms…
    expect(hasParts('en', ['claimForm'])).to.equal(false);
    expect(translate('en', 'claimForm.heading')).to.equal('');
    // …the widget that needs them fetches its part, and renders again when it is there.
    const el = await fixture<PartWidget>(html`<gp-part-widget></gp-part-widget>`);
    await waitUntil(() => el.shadowRoot!.textContent!.trim() === 'Report a claim', "the claim form's part never arrived");
    expect(hasParts('en', ['claimForm'])).to.equal(true);
    expect(el.localize.ready).to.equal(true);
    expect(hasParts('en', ['profile'])).to.equal(false);
  });

  it('never show a lazily defined widget with empty headings: it renders once its part has arrived', async () => {
    await loadPack('hu');
    expect(hasParts('hu', ['profile'])).to.equal(false);
    const el = await fixture<LazyTextsWidget>(html`<gp-lazy-texts-widget></gp-lazy-texts-widget>`);
    // Before the part: nothing rendered (not an empty <h2>).
    expect(el.shadowRoot?.querySelector('h2') ?? null).to.equal(null);
    await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent === 'Személyes adataim', 'the profile part never arrived');
  });
});
