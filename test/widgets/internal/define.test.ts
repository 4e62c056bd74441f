import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import GpPortal from '../../../widgets/components/portal/portal.ts';
import { defineElement } from '../../../widgets/internal/define.ts';

describe('defineElement', () => {
  it('defines a new element', () => {
    class Fresh extends HTMLElement {}
    defineElement('gp-test-fresh', Fresh);
    expect(customElements.get('gp-test-fresh')).to.equal(Fresh);
  });

  it('is harmless when the same class is defined again', () => {
    expect(() => defineElement('gp-portal', GpPortal)).not.to.throw();
    expect(customElements.get('gp-portal')).to.equal(GpPortal);
  });

  it('is harmless when the defining module runs a second time', async () => {
    // A different URL makes the browser evaluate the module again, like a second <script> tag would.
    const again = await import(`../../../widgets/components/portal/portal.ts?again=${Date.now()}`);
    expect(again.default).to.equal(GpPortal); // the component module itself is shared
    expect(customElements.get('gp-portal')).to.equal(GpPortal);
  });

  it('keeps the first class and warns once when another copy claims the name', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class OtherCopy extends LitElement {}
      expect(() => defineElement('gp-portal', OtherCopy)).not.to.throw();
      expect(() => defineElement('gp-portal', OtherCopy)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('gp-portal')).to.equal(GpPortal);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.include('<gp-portal> is already defined');
  });
});
