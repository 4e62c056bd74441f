import { describe, expect, it } from 'vitest';
import { LANGUAGES, renderEmail, type ClaimAcknowledgementData } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

/** The claim_acknowledgement e-mail tells back what the customer said of a motor loss's other party, and nothing when there was none. */
const base: ClaimAcknowledgementData = SAMPLES.claim_acknowledgement;
const known: ClaimAcknowledgementData = { ...base, product: 'casco', otherPartySituation: 'known' };

describe('claim_acknowledgement: the other party', () => {
  it('tells back a known party in Hungarian and English, and points to the PDF for its details: no third person’s name or plate in the e-mail', async () => {
    const hu = await renderEmail('claim_acknowledgement', 'hu', known);
    expect(hu.text).toContain(
      'A másik fél\nBejelentése szerint a kárt egy másik jármű okozta.\nA másik fél Ön által megadott adatait a Levelezésben található visszaigazolás tartalmazza.',
    );
    expect(hu.html).toContain('A másik fél');
    expect(hu.html).toContain('a Levelezésben található visszaigazolás tartalmazza');

    const en = await renderEmail('claim_acknowledgement', 'en', known);
    expect(en.text).toContain(
      'The other party\nYou reported that another vehicle caused the damage.\nThe other party’s details as you gave them are in the acknowledgement in your Correspondence mailbox.',
    );
    for (const part of [hu.text, hu.html, en.text, en.html]) expect(part).not.toMatch(/Rendszám|Registration number|Név:|Name:/);
  });

  it('words a KGFB loss as damage the customer caused', async () => {
    const email = await renderEmail('claim_acknowledgement', 'hu', { ...known, product: 'kgfb' });
    expect(email.text).toContain('Bejelentése szerint egy másik járműben okozott kárt.');
  });

  it('tells back a situation without a named party, with no pointer to details', async () => {
    const hu = await renderEmail('claim_acknowledgement', 'hu', { ...base, product: 'casco', otherPartySituation: 'hit_and_run' });
    expect(hu.text).toContain('A másik fél\nBejelentése szerint a kárt egy másik jármű okozta, és elhajtott (cserbenhagyás).');
    expect(hu.html).toContain('tegyen bejelentést a rendőrségen is');
    expect(hu.text).not.toContain('Ön által megadott adatait');
    const en = await renderEmail('claim_acknowledgement', 'en', { ...base, product: 'kgfb', otherPartySituation: 'no_vehicle' });
    expect(en.text).toContain('The other party\nYou reported that what you damaged was not a vehicle.');
    expect(en.text).not.toContain('details as you gave them');
  });

  it('says nothing of another party when the claim has none (and in an e-mail queued before it was told)', async () => {
    for (const lang of LANGUAGES) {
      for (const data of [base, { ...base, product: 'home' as const, otherPartySituation: null }, { ...base, product: 'casco' as const }]) {
        const email = await renderEmail('claim_acknowledgement', lang, data);
        for (const part of [email.text, email.html]) {
          expect(part).toContain(lang === 'hu' ? 'Bejelentés dátuma' : 'Date reported');
          expect(part).not.toMatch(/A másik fél|The other party|Bejelentése szerint|You reported that/);
        }
      }
    }
  });

  it('refuses a situation it does not know', async () => {
    const odd = { ...known, otherPartySituation: 'ufo' } as unknown as ClaimAcknowledgementData;
    await expect(renderEmail('claim_acknowledgement', 'hu', odd)).rejects.toThrow(/otherPartySituation/);
  });
});
