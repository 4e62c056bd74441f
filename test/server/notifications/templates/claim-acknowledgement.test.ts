import { describe, expect, it } from 'vitest';
import { LANGUAGES, renderEmail, type ClaimAcknowledgementData } from '../../../../server/notifications/templates/index.ts';
import { SAMPLES } from './fixtures.ts';

/** The claim_acknowledgement e-mail tells back what the customer said of a motor loss's other party, and nothing when there was none. */
const base: ClaimAcknowledgementData = SAMPLES.claim_acknowledgement;
const known: ClaimAcknowledgementData = {
  ...base,
  product: 'casco',
  otherParty: { situation: 'known', name: 'Kovács Péter', plate: 'ABC-123', insurer: 'Példa Biztosító Zrt.' },
};

describe('claim_acknowledgement: the other party', () => {
  it('names a known other party with what the customer typed, in Hungarian and English', async () => {
    const hu = await renderEmail('claim_acknowledgement', 'hu', known);
    expect(hu.text).toContain(
      'A másik fél\nBejelentése szerint a kárt egy másik jármű okozta. A másik fél Ön által megadott adatai:\nNév: Kovács Péter\nRendszám: ABC-123\nBiztosító: Példa Biztosító Zrt.',
    );
    expect(hu.html).toContain('A másik fél');
    expect(hu.html).toMatch(/Rendszám<\/td><td[^>]*>ABC-123<\/td>/);

    const en = await renderEmail('claim_acknowledgement', 'en', known);
    expect(en.text).toContain(
      'The other party\nYou reported that another vehicle caused the damage. The other party’s details as you gave them:\nName: Kovács Péter\nRegistration number: ABC-123\nInsurer: Példa Biztosító Zrt.',
    );
    expect(en.html).toMatch(/Insurer<\/td><td[^>]*>Példa Biztosító Zrt\.<\/td>/);
  });

  it('words a KGFB loss as damage the customer caused, and leaves out an insurer not given', async () => {
    const email = await renderEmail('claim_acknowledgement', 'hu', {
      ...known,
      product: 'kgfb',
      otherParty: { situation: 'known', name: 'Nagy Éva', plate: 'AA BC-123' },
    });
    expect(email.text).toContain('Bejelentése szerint egy másik járműben okozott kárt.');
    expect(email.text).toContain('Rendszám: AA BC-123');
    expect(email.text).not.toContain('Biztosító:');
    expect(email.html).not.toMatch(/Biztosító<\/td>/);
  });

  it('tells back a situation without a named party, and no name or plate', async () => {
    const hu = await renderEmail('claim_acknowledgement', 'hu', { ...base, product: 'casco', otherParty: { situation: 'hit_and_run' } });
    expect(hu.text).toContain('A másik fél\nBejelentése szerint a kárt egy másik jármű okozta, és elhajtott (cserbenhagyás).');
    expect(hu.html).toContain('tegyen bejelentést a rendőrségen is');
    expect(hu.text).not.toMatch(/Név:|Rendszám:/);
    const en = await renderEmail('claim_acknowledgement', 'en', { ...base, product: 'kgfb', otherParty: { situation: 'no_vehicle' } });
    expect(en.text).toContain('The other party\nYou reported that what you damaged was not a vehicle.');
    expect(en.html).not.toMatch(/Registration number/);
  });

  it('says nothing of another party when the claim has none (and in an e-mail queued before it was told)', async () => {
    for (const lang of LANGUAGES) {
      for (const data of [base, { ...base, product: 'home' as const, otherParty: null }, { ...base, product: 'casco' as const }]) {
        const email = await renderEmail('claim_acknowledgement', lang, data);
        for (const part of [email.text, email.html]) {
          expect(part).toContain(lang === 'hu' ? 'Bejelentés dátuma' : 'Date reported');
          expect(part).not.toMatch(/A másik fél|The other party|Bejelentése szerint|You reported that/);
        }
      }
    }
  });

  it('escapes what the customer typed, and refuses a situation it does not know', async () => {
    const email = await renderEmail('claim_acknowledgement', 'hu', {
      ...known,
      otherParty: { situation: 'known', name: '<script>alert(1)</script>', plate: 'ABC-123', insurer: '"><img src=x onerror=alert(1)>' },
    });
    expect(email.html).not.toMatch(/<script|<img/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const odd = { ...known, otherParty: { situation: 'ufo' } } as unknown as ClaimAcknowledgementData;
    await expect(renderEmail('claim_acknowledgement', 'hu', odd)).rejects.toThrow(/otherParty\.situation/);
  });
});
