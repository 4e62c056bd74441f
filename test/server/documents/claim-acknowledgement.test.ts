import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../server/documents/index.ts';
import type { InputOf } from '../../../server/documents/pdf/input.ts';
import type { ReportedOtherParty } from '../../../server/kernel/other-party.ts';
import { kgfb, samples } from './fixtures.ts';
import { pdfText } from './pdf-text.ts';

/** The Kárbejelentés visszaigazolása tells back what the customer said of a motor loss's other party, and nothing when there was none. */
const homeClaim = samples.karbejelentes_visszaigazolas as InputOf<'karbejelentes_visszaigazolas'>;

function motorClaim(product: 'kgfb' | 'casco', otherParty: ReportedOtherParty | null): InputOf<'karbejelentes_visszaigazolas'> {
  return {
    ...homeClaim,
    policy: { ...kgfb, product },
    claim: {
      ...homeClaim.claim,
      claimType: product === 'kgfb' ? 'collision_liability' : 'collision',
      place: 'Győr, Baross Gábor út 15.',
      description: 'Parkolás közben egy furgon tolatva nekiment a hátsó lökhárítónak.',
      otherParty,
    },
  };
}

const read = async (input: InputOf<'karbejelentes_visszaigazolas'>) => (await pdfText(await renderDocument(input))).replace(/\s+/g, ' ');

describe('the claim acknowledgement PDF: the other party', () => {
  it('names a known other party with what the customer typed: name, plate, insurer', async () => {
    const text = await read(motorClaim('casco', { situation: 'known', name: 'Kovács Péter', plate: 'ABC-123', insurer: 'Példa Biztosító Zrt.' }));
    expect(text).toContain('A másik fél');
    expect(text).toContain('Bejelentése szerint a kárt egy másik jármű okozta. A másik fél Ön által megadott adatai:');
    expect(text).toMatch(/Név Kovács Péter Rendszám ABC-123 Biztosító Példa Biztosító Zrt\./);
  });

  it('says the customer gave no insurer, and words a KGFB loss as damage the customer caused', async () => {
    const text = await read(motorClaim('kgfb', { situation: 'known', name: 'Nagy Éva', plate: 'AA BC-123' }));
    expect(text).toContain('Bejelentése szerint egy másik járműben okozott kárt.');
    expect(text).toContain('Rendszám AA BC-123');
    expect(text).toContain('Biztosító nem adta meg');
  });

  it('tells back a hit-and-run, with the police report to follow, and asks no name or plate of it', async () => {
    const text = await read(motorClaim('casco', { situation: 'hit_and_run' }));
    expect(text).toContain('Bejelentése szerint a kárt egy másik jármű okozta, és elhajtott (cserbenhagyás).');
    expect(text).toContain('tegyen bejelentést a rendőrségen is');
    expect(text).not.toMatch(/Rendszám|Biztosító nem/);
  });

  it('says nothing of another party when the claim has none', async () => {
    for (const input of [homeClaim, motorClaim('casco', null)]) {
      const text = await read(input);
      expect(text).toContain('A kár leírása');
      expect(text).not.toContain('A másik fél');
      expect(text).not.toContain('Bejelentése szerint');
    }
  });
});
