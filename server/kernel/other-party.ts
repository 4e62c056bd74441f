import type { LocalizedName, ProductCode } from './products.ts';

/**
 * What a customer can say about the other party of a motor loss (`claims.other_party_situation`;
 * which product offers which choice: server/domain/claims/other-party.ts), and how the claim's
 * acknowledgement, its PDF and its e-mail, tells the answer back. On KGFB the customer caused
 * the loss and on CASCO the customer's own car was damaged, so one choice reads differently.
 */
export const OTHER_PARTY_SITUATIONS = ['known', 'unknown', 'hit_and_run', 'no_vehicle'] as const;

export type OtherPartySituation = (typeof OTHER_PARTY_SITUATIONS)[number];

/** The other party as the customer reported it: only a known one has the name, plate and insurer they typed. */
export type ReportedOtherParty = { situation: 'known'; name: string; plate: string; insurer?: string } | { situation: Exclude<OtherPartySituation, 'known'> };

const SAID: Readonly<Partial<Record<ProductCode, Partial<Record<OtherPartySituation, LocalizedName>>>>> = {
  kgfb: {
    known: {
      hu: 'Bejelentése szerint egy másik járműben okozott kárt.',
      en: 'You reported that you damaged another vehicle.',
    },
    unknown: {
      hu: 'Bejelentése szerint egy másik járműben okozott kárt, de a tulajdonosát nem ismeri.',
      en: 'You reported that you damaged another vehicle but do not know its owner.',
    },
    no_vehicle: {
      hu: 'Bejelentése szerint nem járműben okozott kárt.',
      en: 'You reported that what you damaged was not a vehicle.',
    },
  },
  casco: {
    known: {
      hu: 'Bejelentése szerint a kárt egy másik jármű okozta.',
      en: 'You reported that another vehicle caused the damage.',
    },
    unknown: {
      hu: 'Bejelentése szerint nem tudja, ki okozta a kárt.',
      en: 'You reported that you do not know who caused the damage.',
    },
    hit_and_run: {
      hu: 'Bejelentése szerint a kárt egy másik jármű okozta, és elhajtott (cserbenhagyás). Ha még nem tette meg, tegyen bejelentést a rendőrségen is; a jegyzőkönyvet az Ügyfélportálon csatolhatja a kárügyhöz.',
      en: 'You reported that another vehicle caused the damage and drove off (hit and run). If you have not done so yet, please report it to the police as well; you can add the police report to the claim in the Customer Portal.',
    },
    no_vehicle: {
      hu: 'Bejelentése szerint a kárban nem volt érintett másik jármű.',
      en: 'You reported that no other vehicle was involved.',
    },
  },
};

/** Before a known party's name, plate and insurer, in the acknowledgement's PDF (in the mailbox). */
export const DETAILS_AS_GIVEN: LocalizedName = { hu: 'A másik fél Ön által megadott adatai:', en: 'The other party’s details as you gave them:' };

/**
 * The e-mail's line for a known party instead of the details: a third person's name and plate
 * stay in the portal (the PDF in the mailbox), like every document, and out of e-mail.
 */
export const DETAILS_IN_MAILBOX: LocalizedName = {
  hu: 'A másik fél Ön által megadott adatait a Levelezésben található visszaigazolás tartalmazza.',
  en: 'The other party’s details as you gave them are in the acknowledgement in your Correspondence mailbox.',
};

/** The customer's answer told back to them; null where the product asks nothing of another party. */
export function reportedSituation(product: ProductCode, situation: OtherPartySituation): LocalizedName | null {
  return SAID[product]?.[situation] ?? null;
}

export const isOtherPartySituation = (value: unknown): value is OtherPartySituation => (OTHER_PARTY_SITUATIONS as readonly unknown[]).includes(value);
