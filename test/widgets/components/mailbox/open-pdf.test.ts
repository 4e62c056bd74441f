import { afterEach, beforeEach, describe, it } from '../../mocha.ts';
import { expect } from '@open-wc/testing';
import { OBJECT_URL_LIFETIME_MS, openPdf, pdfFilename } from '../../../../widgets/components/mailbox/open-pdf.ts';

describe('pdfFilename', () => {
  it('keeps a readable title and adds .pdf', () => {
    expect(pdfFilename('Díjbekérő – 2026. IV. negyedév')).to.equal('Díjbekérő – 2026. IV. negyedév.pdf');
    expect(pdfFilename('kotveny.PDF')).to.equal('kotveny.PDF');
  });

  it('replaces path and control characters', () => {
    expect(pdfFilename('a/b\\c:d*e?"f"<g>|h\u0007')).to.equal('a_b_c_d_e__f__g__h_.pdf');
  });

  it('names an empty title', () => {
    expect(pdfFilename('   ')).to.equal('dokumentum.pdf');
  });
});

describe('openPdf', () => {
  const originals = {
    open: window.open,
    create: URL.createObjectURL,
    revoke: URL.revokeObjectURL,
    setTimeout: window.setTimeout,
    click: HTMLAnchorElement.prototype.click,
  };
  let timers: [() => void, number | undefined][];
  let revoked: string[];

  beforeEach(() => {
    timers = [];
    revoked = [];
    URL.createObjectURL = () => 'blob:test/pdf';
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    window.setTimeout = ((fn: () => void, ms?: number) => timers.push([fn, ms])) as typeof window.setTimeout;
  });

  afterEach(() => {
    window.open = originals.open;
    URL.createObjectURL = originals.create;
    URL.revokeObjectURL = originals.revoke;
    window.setTimeout = originals.setTimeout;
    HTMLAnchorElement.prototype.click = originals.click;
  });

  it('opens the PDF in a new tab and revokes its URL later', () => {
    const tab = { opener: window } as unknown as Window;
    const calls: unknown[][] = [];
    window.open = (...args: unknown[]) => (calls.push(args), tab);
    expect(openPdf(new Blob(['%PDF']), 'a.pdf')).to.equal('opened');
    expect(calls).to.deep.equal([['blob:test/pdf', '_blank']]);
    expect(tab.opener).to.equal(null);
    expect(revoked).to.deep.equal([]);
    expect(timers).to.have.length(1);
    expect(timers[0]![1]).to.equal(OBJECT_URL_LIFETIME_MS);
    timers[0]![0]();
    expect(revoked).to.deep.equal(['blob:test/pdf']);
  });

  it('downloads the PDF when the new tab is blocked', () => {
    window.open = () => null;
    const clicked: { href: string; download: string }[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    expect(openPdf(new Blob(['%PDF']), 'Kötvény.pdf')).to.equal('downloaded');
    expect(clicked).to.deep.equal([{ href: 'blob:test/pdf', download: 'Kötvény.pdf' }]);
    expect(document.querySelector('a[download]')).to.equal(null);
    timers[0]![0]();
    expect(revoked).to.deep.equal(['blob:test/pdf']);
  });
});
