// Loading looks like loading (issue 17, point 8): a skeleton of the content, announced politely,
// and nothing like the logged-out card with its log-in button.
import '../support/languages.ts';
import { afterEach, describe, it } from '../mocha.ts';
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../../widgets/components/profile/profile.ts';
import { FakeApi } from '../support/fake-api.ts';
import { inPortal, part } from '../support/render.ts';
import { PERSON } from '../components/profile/fixtures.ts';

let api: FakeApi | undefined;
afterEach(() => api?.restore());

describe('the loading state', () => {
  it('is a skeleton while the data loads, then the data', async () => {
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    api = new FakeApi()
      .on('GET', '/me', async () => {
        await held;
        return { json: PERSON };
      })
      .install();
    const { widget } = await inPortal<HTMLElement>(html`<gp-profile></gp-profile>`);
    await waitUntil(() => widget.shadowRoot!.querySelector('[part~="loading"]'), 'no loading state');

    const loading = part(widget, 'loading');
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent!.trim()).to.equal('Betöltés…');
    const bones = [...loading.querySelectorAll('.bone')];
    expect(bones.length).to.be.at.least(2);
    expect(bones.every((b) => b.getAttribute('aria-hidden') === 'true' && b.getBoundingClientRect().height > 0)).to.equal(true);
    // Not the logged-out card: no dashed frame, no log-in button.
    expect(getComputedStyle(loading).borderTopStyle).not.to.equal('dashed');
    expect(widget.shadowRoot!.querySelector('[part~="login-button"]')).to.equal(null);
    await expect(widget).to.be.accessible();

    answer();
    await waitUntil(() => widget.shadowRoot!.querySelector('[part~="details"]'), 'the data never replaced the skeleton');
    expect(widget.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
  });
});
