import { describe, it } from '../mocha.ts';
import { expect } from '@open-wc/testing';
import { article, fromNumber, possessive, times, withArticle } from '../../../widgets/i18n/hu-grammar.ts';

const NBSP = '\u00a0';

describe('article (a / az)', () => {
  it('takes "az" before a vowel and "a" before a consonant, accents and capitals included', () => {
    for (const word of ['autó', 'Élő', 'ütközés', 'Őrség', 'igazolás', 'Ügyfélportál', 'ÁSZF']) expect(article(word), word).to.equal('az');
    for (const word of ['kötvény', 'Díjbekérő', 'számla', 'Levelezés', 'CASCO', 'MABISZ']) expect(article(word), word).to.equal('a');
  });

  it('reads numbers as they are spoken: az 1, a 2, az 5, a 10, az 1000', () => {
    const az = [1, 5, 50, 500, 5000, 1000, 1999, 1_000_000, 1_500_000, 1_000_000_000];
    const a = [0, 2, 3, 4, 6, 7, 8, 9, 10, 11, 15, 19, 20, 100, 150, 10_000, 100_000, 2000, 10_000_000];
    for (const n of az) expect(article(n), String(n)).to.equal('az');
    for (const n of a) expect(article(n), String(n)).to.equal('a');
  });

  it('reads numbers inside text: ordinals, digit groups, contract and claim numbers', () => {
    expect(article('1. lépés')).to.equal('az');
    expect(article('5-ből')).to.equal('az');
    expect(article(`1${NBSP}000${NBSP}Ft`)).to.equal('az');
    expect(article('10 000 Ft')).to.equal('a');
    expect(article('2026. január')).to.equal('a');
    expect(article('KGFB-2024-000123')).to.equal('a');
    expect(article('„Kötvény”')).to.equal('a');
    expect(article('„Útlemondás”')).to.equal('az');
  });

  it("spells out abbreviations without vowels by the letters' names", () => {
    for (const word of ['SMS', 'MNB', 'F', 'X-kategória']) expect(article(word), word).to.equal('az');
    for (const word of ['KGFB', 'PDF', 'B']) expect(article(word), word).to.equal('a');
  });

  it('reads policy and claim numbers as they are formatted', () => {
    // Policy numbers: 9 digits, the product's prefix first (31 KGFB, 32 CASCO, 51 home, 71 travel).
    expect(withArticle('310004217')).to.equal('a 310004217');
    expect(withArticle('320118734')).to.equal('a 320118734');
    expect(withArticle('510000815')).to.equal('az 510000815');
    expect(withArticle('710002024')).to.equal('a 710002024');
    // Claim numbers, receipt numbers, customer numbers.
    expect(withArticle('KAR-2026-000001')).to.equal('a KAR-2026-000001');
    expect(withArticle('BF-2026-100001')).to.equal('a BF-2026-100001');
    expect(withArticle('10204460')).to.equal('a 10204460');
    expect(withArticle('50311582')).to.equal('az 50311582');
  });

  it('puts the article in front, capitalised at the start of a sentence', () => {
    expect(withArticle(1)).to.equal('az 1');
    expect(withArticle(2)).to.equal('a 2');
    expect(withArticle(5)).to.equal('az 5');
    expect(withArticle(6)).to.equal('a 6');
    expect(withArticle(100)).to.equal('a 100');
    expect(withArticle(1000)).to.equal('az 1000');
    expect(withArticle('Kötvény')).to.equal('a Kötvény');
    expect(withArticle('510000815', { capital: true })).to.equal('Az 510000815');
    expect(withArticle('310004217', { capital: true })).to.equal('A 310004217');
  });
});

describe('number suffixes', () => {
  it('-ból / -ből by the last spoken word', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 15, 16, 100, 1000].map(fromNumber)).to.deep.equal([
      '1-ből',
      '2-ből',
      '3-ból',
      '4-ből',
      '5-ből',
      '6-ból',
      '7-ből',
      '8-ból',
      '9-ből',
      '10-ből',
      '20-ból',
      '15-ből',
      '16-ból',
      '100-ból',
      '1000-ből',
    ]);
  });

  it('-szor / -szer / -ször', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 20].map(times)).to.deep.equal(['1-szer', '2-szer', '3-szor', '4-szer', '5-ször', '6-szor', '10-szer', '20-szor']);
  });
});

describe('possessive', () => {
  it('makes the formal "your" form of the document types', () => {
    expect(possessive('Kötvény')).to.equal('kötvénye');
    expect(possessive('Díjbekérő')).to.equal('díjbekérője');
    expect(possessive('Kártörténeti igazolás')).to.equal('kártörténeti igazolása');
    expect(possessive('Évfordulós értesítő')).to.equal('évfordulós értesítője');
    expect(possessive('Díjigazolás')).to.equal('díjigazolása');
  });
});

describe('the Hungarian pack', () => {
  it('never writes "a(z)": every article is chosen by the word that follows', async () => {
    const { hu } = await import('../../../widgets/i18n/hu.ts');
    const sources = Object.entries(hu).filter(([, term]) => String(term).includes('a(z)'));
    expect(sources.map(([key]) => key)).to.deep.equal([]);
  });
});
