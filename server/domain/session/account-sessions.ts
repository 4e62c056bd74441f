import { QueryTypes, type Sequelize } from 'sequelize';
import { DomainError } from '../../kernel/domain-error.ts';
import { enqueueNotification, messageIdDomain } from '../../notifications/outbox.ts';
import type { Language } from '../../../common/language.ts';
import type { SessionStore } from './session-store.ts';

/**
 * The customer's own list of API sessions ("devices and sessions"): every browser session of
 * the customer's account, through whichever partner site, and ending them.
 *
 * Partner scope: a broker's page must not learn which other brokers the customer deals with. A
 * session through another broker's site is shown as "another site" (no name); the insurer's own
 * portal (`policy_scope = 'all'`) is named everywhere, and sees every name itself.
 */
export interface AccountSessionView {
  /** The session's public id (never its handle or the handle's hash). */
  id: string;
  /** The partner site's display name; null: another partner's site. */
  site: string | null;
  /** Browser and OS in words, parsed at log-in; null if not recognised. */
  device: string | null;
  startedAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** Who asks: the customer, the session the request came with (if any), and its partner. */
export interface SessionOwner {
  customerId: number;
  accountId: string;
  clientId: string;
  policyScope: 'all' | 'broker';
  /** The request's own session (`id_hash`); a bearer token has none. */
  currentIdHash: string | undefined;
}

interface Row {
  id_hash: string;
  public_id: string;
  client_id: string;
  display_name: string;
  policy_scope: 'all' | 'broker';
  device_label: string | null;
  created_at: Date;
  last_seen_at: Date;
}

async function activeSessions(sequelize: Sequelize, customerId: number): Promise<Row[]> {
  return sequelize.query<Row>(
    `select s.id_hash, s.public_id, s.client_id, pc.display_name, pc.policy_scope, s.device_label, s.created_at, s.last_seen_at
       from bff_sessions s join partner_clients pc on pc.client_id = s.client_id
      where s.customer_id = :customerId and s.tokens->>'stage' = 'session' and s.expires_at > now() and pc.active
      order by s.last_seen_at desc, s.created_at desc`,
    { replacements: { customerId }, type: QueryTypes.SELECT },
  );
}

export async function listAccountSessions(sequelize: Sequelize, owner: SessionOwner): Promise<AccountSessionView[]> {
  const rows = await activeSessions(sequelize, owner.customerId);
  return rows.map((row) => ({
    id: row.public_id,
    site: row.client_id === owner.clientId || row.policy_scope === 'all' || owner.policyScope === 'all' ? row.display_name : null,
    device: row.device_label,
    startedAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    current: row.id_hash === owner.currentIdHash,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ends one of the customer's sessions (its refresh token is revoked; its next request is 401 on
 * every instance, which read the row on each request). Not the request's own session: that is a
 * log-out (`DELETE /api/session`). Another customer's session, or an unknown id, is `session_not_found`.
 */
export async function endAccountSession(sequelize: Sequelize, sessions: SessionStore, owner: SessionOwner, sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) throw DomainError.notFound('session_not_found', 'No such session of this customer.');
  const [row] = await sequelize.query<{ id_hash: string }>(
    `select id_hash from bff_sessions where public_id = cast(:id as uuid) and customer_id = :customerId and tokens->>'stage' = 'session'`,
    { replacements: { id: sessionId, customerId: owner.customerId }, type: QueryTypes.SELECT },
  );
  if (!row) throw DomainError.notFound('session_not_found', 'No such session of this customer.');
  if (row.id_hash === owner.currentIdHash) throw DomainError.conflict('current_session', 'This is the session of the request; log out instead.');
  await sessions.end(row.id_hash, 'ended_by_customer', { revoke: true });
}

/**
 * Ends every session of the customer but the request's own; when any ended, the customer gets
 * the "all other sessions ended" notice (in their language, through the outbox) and the audit
 * trail an `account.sessions_ended` event. Returns how many ended.
 */
export async function endOtherSessions(sequelize: Sequelize, sessions: SessionStore, owner: SessionOwner, publicUrl: URL): Promise<number> {
  const others = (await activeSessions(sequelize, owner.customerId)).filter((row) => row.id_hash !== owner.currentIdHash);
  let ended = 0;
  for (const row of others) {
    if (await sessions.end(row.id_hash, 'ended_by_customer', { revoke: true })) ended += 1;
  }
  if (ended === 0) return 0;
  await sequelize.transaction(async (transaction) => {
    const [account] = await sequelize.query<{ username: string; language: Language }>(
      `select a.username, c.language from accounts a join customers c on c.id = a.customer_id where a.id = cast(:accountId as uuid)`,
      { replacements: { accountId: owner.accountId }, type: QueryTypes.SELECT, transaction },
    );
    if (account) {
      await enqueueNotification(
        sequelize,
        transaction,
        {
          customerId: owner.customerId,
          to: account.username,
          template: 'security_notice',
          language: account.language,
          data: { event: 'sessions_ended', occurredAt: new Date().toISOString(), securityUrl: `${publicUrl.origin}/account/security?lang=${account.language}` },
        },
        messageIdDomain(publicUrl),
      );
    }
    await sequelize.query(
      `insert into audit_events (actor_type, actor_id, customer_id, action, subject_type, subject_id, client_id, metadata)
       values ('customer', :accountId, :customerId, 'account.sessions_ended', 'account', :accountId, :clientId, cast(:metadata as jsonb))`,
      {
        replacements: { accountId: owner.accountId, customerId: owner.customerId, clientId: owner.clientId, metadata: JSON.stringify({ ended }) },
        transaction,
      },
    );
  });
  return ended;
}
