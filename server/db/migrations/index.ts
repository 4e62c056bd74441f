import type { Migration } from '../migration.ts';
import * as domain from './0001-domain.ts';
import * as payments from './0002-payments.ts';
import * as claims from './0003-claims.ts';
import * as dpopSessions from './0004-dpop-sessions.ts';
import * as auditAccounts from './0005-audit-accounts.ts';
import * as auditApi from './0006-audit-api.ts';
import * as mfa from './0007-mfa.ts';
import * as sessions from './0008-sessions.ts';
import * as brokerContact from './0009-broker-contact.ts';
import * as receiptNumbers from './0011-receipt-numbers.ts';
import * as claimOtherParty from './0012-claim-other-party.ts';
import * as sessionIdpSession from './0014-session-idp-session.ts';

/**
 * Every migration, in the order they apply. Listed, not found by reading the folder, so the
 * server's build carries them (no TypeScript is loaded at run time) and a file that is not
 * listed fails a test (test/server/db/migrations-index.test.ts) instead of being skipped.
 * The name is the file's, without `.ts`: what schema_migrations records.
 */
export const MIGRATIONS: readonly { name: string; up: Migration; down: Migration }[] = [
  { name: '0001-domain', ...domain },
  { name: '0002-payments', ...payments },
  { name: '0003-claims', ...claims },
  { name: '0004-dpop-sessions', ...dpopSessions },
  { name: '0005-audit-accounts', ...auditAccounts },
  { name: '0006-audit-api', ...auditApi },
  { name: '0007-mfa', ...mfa },
  { name: '0008-sessions', ...sessions },
  { name: '0009-broker-contact', ...brokerContact },
  { name: '0011-receipt-numbers', ...receiptNumbers },
  { name: '0012-claim-other-party', ...claimOtherParty },
  { name: '0014-session-idp-session', ...sessionIdpSession },
];
