// The selected toggle keeps readable colours under the pointer (issue 17, point 9).
import '../support/languages.ts';
import { afterEach, describe, it } from '../mocha.ts';
import { aTimeout, expect, html } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../widgets/components/claim-form/claim-form.ts';
import { FakeApi } from '../support/fake-api.ts';
import { inPortal, parts } from '../support/render.ts';

let api: FakeApi | undefined;
afterEach(async () => {
  api?.restore();
  await resetMouse();
});

describe('a pressed toggle under the pointer', () => {
  it('keeps its filled background, not white text on a white one', async () => {
    api = new FakeApi().on('GET', '/policies', { items: [], page: 1, pageSize: 100, total: 0 }).install();
    const { widget } = await inPortal<HTMLElement>(html`<gp-claim-form></gp-claim-form>`);
    const pressed = parts(widget, 'view-button').find((b) => b.getAttribute('aria-pressed') === 'true')!;
    const before = getComputedStyle(pressed).backgroundColor;
    const box = pressed.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    expect(pressed.matches(':hover')).to.equal(true);
    await aTimeout(500); // past the button's colour transition
    const style = getComputedStyle(pressed);
    expect(style.color).not.to.equal(style.backgroundColor);
    // Still a filled (dark) button: its background is not the light hover tint of a secondary button.
    const [r, g, b] = style.backgroundColor.match(/\d+/g)!.map(Number);
    expect((r! + g! + b!) / 3, `hover background ${style.backgroundColor} (was ${before})`).to.be.below(160);
  });
});
