import type { DatabaseAddress } from '../../db/database.ts';
import type { IdpKeys } from '../../../idp/keys.ts';
import type { SessionLifetimes } from '../../../common/security/session-lifetimes.ts';

/** What the IdP thread serves with: the app's first message to it (structured-cloned: plain data only). */
export interface IdpThreadData {
  /** `${PUBLIC_URL}/oidc` */
  issuer: string;
  database: DatabaseAddress;
  keys: IdpKeys;
  /** The keys the partners' client secrets are sealed with (`PartnerSecretVault`'s, from `SESSION_KEYS`). */
  partnerSecretKeys: string[];
  production: boolean;
  sessionLifetimes?: SessionLifetimes | undefined;
}

/** The thread's messages to the app. */
export type IdpThreadMessage = { type: 'listening'; socketPath: string };
