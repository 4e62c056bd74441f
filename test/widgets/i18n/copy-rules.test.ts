import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { hu } from '../../../widgets/i18n/hu.ts';
import { en } from '../../../widgets/i18n/en.ts';

/**
 * The house style of the widgets' texts (issue 17 point 10), checked over every term: what a
 * copywriter fixed once should not come back with the next string. A term that takes arguments
 * is read from its source, which holds its words.
 */
const textsOf = (pack: Record<string, unknown>) => Object.entries(pack).map(([key, term]) => [key, String(term)] as const);
const offending = (pack: Record<string, unknown>, pattern: RegExp) =>
  textsOf(pack)
    .filter(([, text]) => pattern.test(text))
    .map(([key]) => key);

/** Abbreviations a Hungarian text writes in capitals. */
const ABBREVIATIONS = new Set(['ÁSZF', 'CASCO', 'KGFB', 'PDF', 'PNG', 'JPEG', 'HEIC', 'SMS', 'GDPR', 'IDD', 'MNB', 'HUF', 'IBAN', 'URL', 'PIN', 'CVC']);

describe('the Hungarian terms', () => {
  it('use the product’s words: díjhátralék, befizetés igazolása, link (not "kiterhelt díj", "nyugta", "hivatkozás")', () => {
    expect(offending(hu, /kiterhelt|nyugt|hivatkozás/i)).to.deep.equal([]);
    expect(hu['policyList.outstanding']).to.equal('Díjhátralék');
    expect(hu['invoicePay.receipt']).to.equal('A befizetés igazolását a Levelezésben találja.');
  });

  it('speak to the customer formally (Ön), never in the familiar form', () => {
    // The familiar imperative and present forms the texts would use: válassz, add meg, kattints, jelentkezz be, próbáld …
    expect(offending(hu, /(?<!\p{L})(válassz|add meg|adj meg|kattints|jelentkezz|próbáld|nézd|töltsd|küldd|kérlek|neked|nálad|te)(?!\p{L})/iu)).to.deep.equal(
      [],
    );
  });

  it('write no word in capitals except abbreviations, and quote with „…”', () => {
    // (Number plates such as ABC-123 are examples, not shouting.)
    const words = (text: string) => text.replace(/\b\p{Lu}{1,3}(?: \p{Lu}{2})?-\d{3}\b/gu, '').match(/(?<!\p{L})\p{Lu}{3,}(?!\p{L})/gu) ?? [];
    const shouting = textsOf(hu).filter(([, text]) => words(text).some((word) => !ABBREVIATIONS.has(word)));
    expect(shouting.map(([key]) => key)).to.deep.equal([]);
    expect(offending(hu, /"[^"]*\p{L}[^"]*"/u).filter((key) => typeof hu[key as keyof typeof hu] === 'string')).to.deep.equal([]);
  });

  it('name a contract by its number with its article: „az 510000815 számú szerződés”', () => {
    expect(hu['overview.policy']('510000815')).to.equal('az 510000815 számú szerződés');
    expect(hu['overview.policy']('310004217')).to.equal('a 310004217 számú szerződés');
  });
});

describe('the English terms', () => {
  it('say "log in" and "contract" as the rest of the product does', () => {
    expect(offending(en, /sign(ed)?[ -](in|out)/i)).to.deep.equal([]);
    expect(en['invoicePay.invoice']).to.equal('Invoice, contract');
    expect(en['overview.policy']('510000815')).to.equal('contract 510000815');
  });
});
