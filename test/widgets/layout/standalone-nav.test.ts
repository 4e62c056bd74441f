// The standalone page's navigation collapses into a menu on a phone (issue 17, point 2), and a
// view shows one heading (point 9): the page's own header, CSS and script, as examples/standalone/
// serves them.
import { after, before, describe, it } from '../mocha.ts';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { atWidth, overflowing } from '../support/viewport.ts';
import '../support/languages.ts';
import { html } from '@open-wc/testing';
import '../../../widgets/components/invoice-pay/invoice-pay.ts';
import { FakeApi } from '../support/fake-api.ts';
import { inPortal, part } from '../support/render.ts';

const PAGE = '/examples/standalone';
let header: HTMLElement;

describe('the standalone page’s navigation', () => {
  before(async () => {
    const css = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${PAGE}/standalone.css` });
    document.head.append(css);
    await new Promise((resolve) => css.addEventListener('load', resolve, { once: true }));
    const page = new DOMParser().parseFromString(await (await fetch(`${PAGE}/index.html`)).text(), 'text/html');
    header = document.importNode(page.querySelector('.site-header')!, true);
    for (const img of header.querySelectorAll('img')) img.removeAttribute('src');
    document.body.prepend(header);
    await import(`${PAGE}/standalone.js`);
  });

  after(async () => {
    header.remove();
    await atWidth(800);
  });

  const toggle = () => header.querySelector<HTMLButtonElement>('.site-nav__toggle')!;
  const list = () => header.querySelector<HTMLElement>('.site-nav ul')!;

  it('shows the links in the header row on a wide screen', async () => {
    await atWidth(1280);
    expect(getComputedStyle(toggle()).display).to.equal('none');
    const links = [...list().querySelectorAll('a')].map((a) => a.getBoundingClientRect().top);
    expect(new Set(links).size, 'the links wrap onto several rows').to.equal(1);
    expect(overflowing(header)).to.deep.equal([]);
  });

  for (const width of [320, 375]) {
    it(`collapses into a menu at ${width} px: one header row, the links behind a button`, async () => {
      await atWidth(width);
      expect(getComputedStyle(list()).display).to.equal('none');
      expect(toggle().getAttribute('aria-expanded')).to.equal('false');
      const brand = header.querySelector('.brand')!.getBoundingClientRect();
      expect(
        Math.abs(toggle().getBoundingClientRect().top + toggle().offsetHeight / 2 - (brand.top + brand.height / 2)),
        'brand and menu share a row',
      ).to.be.below(8);
      expect(overflowing(header)).to.deep.equal([]);

      toggle().click();
      expect(toggle().getAttribute('aria-expanded')).to.equal('true');
      expect(getComputedStyle(list()).display).not.to.equal('none');
      expect(overflowing(header)).to.deep.equal([]);

      list().querySelector('a')!.focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => toggle().getAttribute('aria-expanded') === 'false');
      expect(document.activeElement).to.equal(toggle());
    });
  }

  it('shows one heading per view: the page names the area, the widget does not repeat it', async () => {
    const api = new FakeApi({ authenticated: false }).install();
    try {
      const { portal } = await inPortal<HTMLElement>(html`<section class="area"><h2>Számlák</h2><gp-invoice-pay></gp-invoice-pay></section>`);
      const widget = portal.querySelector('gp-invoice-pay')!;
      await widget.updateComplete;
      expect(getComputedStyle(part(widget, 'heading')).display).to.equal('none');
      expect(getComputedStyle(portal.querySelector('.area h2')!).display).not.to.equal('none');
    } finally {
      api.restore();
    }
  });
});
