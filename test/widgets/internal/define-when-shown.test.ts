import { describe, it } from '../mocha.ts';
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { defineWhenShown } from '../../../widgets/internal/define-when-shown.ts';

describe('defineWhenShown', () => {
  it('loads nothing while the element is hidden, and defines it once it is shown; the element upgrades', async () => {
    const area = document.createElement('section');
    area.hidden = true;
    area.innerHTML = '<gp-test-lazy></gp-test-lazy>';
    document.body.append(area);
    let loads = 0;
    class Lazy extends HTMLElement {}
    defineWhenShown('gp-test-lazy', async () => {
      loads++;
      customElements.define('gp-test-lazy', Lazy);
    });
    await aTimeout(300);
    expect(loads).to.equal(0);
    expect(area.querySelector('gp-test-lazy')).not.to.be.instanceOf(Lazy);

    area.hidden = false;
    await waitUntil(() => loads === 1, 'the module was not loaded when the element was shown');
    expect(area.querySelector('gp-test-lazy')).to.be.instanceOf(Lazy);
    area.remove();
  });

  it('also notices an element added later', async () => {
    let loads = 0;
    defineWhenShown('gp-test-later', async () => {
      loads++;
      customElements.define('gp-test-later', class extends HTMLElement {});
    });
    await aTimeout(100);
    expect(loads).to.equal(0);
    const element = document.createElement('gp-test-later');
    document.body.append(element);
    await waitUntil(() => loads === 1, 'an element added later was not noticed');
    element.remove();
  });
});
