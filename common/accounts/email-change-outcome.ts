import type { Language } from '../language.ts';

/**
 * What a confirmed e-mail change link did: the API's profile domain answers it, the IdP's page
 * acts on it (ends the sessions, tells the previous address, offers the undo). `invalid`: an
 * unknown, used or expired link; `failed`: the address was taken by another account meanwhile.
 */
export type EmailChangeOutcome =
  | {
      outcome: 'changed';
      accountId: string;
      customerId: number;
      language: Language;
      newEmail: string;
      /** The login and the contact address before the change: what an undo restores. */
      previous: { login: string; contactEmail: string | null };
    }
  | { outcome: 'invalid' | 'failed' };

/** What an undo link did: `restored` puts back `login`; `failed` when another account has taken it meanwhile. */
export type EmailChangeUndoOutcome =
  { outcome: 'restored'; accountId: string; customerId: number; language: Language; login: string } | { outcome: 'invalid' | 'failed' };
