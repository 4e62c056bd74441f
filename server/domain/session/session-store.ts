import { timingSafeEqual } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import * as oidc from 'openid-client';
import { preparedStatement, selectPrepared } from '../../db/prepared-statement.ts';
import type { Logger } from '../../../common/http/logger.ts';
import { recordSessionEvent, type SessionEndReason } from './audit.ts';
import { isIdpRefusal, type IdpClient } from './idp-client.ts';
import { describeError } from './log-safe.ts';
import { LIFETIMES } from './lifetimes.ts';
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from '../../../common/security/session-lifetimes.ts';
import { nonceFor, type LoginMode } from './login-states.ts';
import { findActivePartner } from './partners.ts';
import type { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';
import { looksLikeSecret, randomSecret, sha256Hex } from './secrets.ts';
import type { Sealed, TokenVault } from './token-vault.ts';

/**
 * The API's (BFF's) sessions in `bff_sessions`. The browser holds only a random handle, bound to
 * its non-extractable key: the row is keyed by the handle's SHA-256, keeps the JWK thumbprint of
 * that key (`dpop_jkt`; every request's DPoP proof must be signed by it) and the partner's
 * tokens, encrypted (`tokens.sealed`), next to a few plain facts the database must compare: the
 * access token's expiry and the refresh lease.
 *
 * A login's tokens first wait under a one-time ticket (a row keyed `ticket:<sha256>`, 60 s) until
 * the partner page redeems it with a proof of its key; redeeming deletes that row and creates the
 * session's, bound to that key, so a ticket works once and a ticket is never a session handle.
 *
 * Refreshes are serialised across processes without holding a transaction (the IdP may be this
 * very process, and on PGlite the one connection must stay free for it): a process first claims
 * a lease on the row with a conditional update; only the holder calls the token endpoint and
 * stores the result under the same lease. The IdP revokes a grant whose refresh token is replayed,
 * so two refreshes of one session must never run at once. The lease is also the refresh's
 * compare-and-swap: a re-authentication that replaces the tokens while a refresh is under way
 * drops the lease, the refresh's result is then discarded and the request goes on with the
 * session as the re-authentication left it (it used to end in a 401).
 */
export interface StoredTokens {
  v: 1;
  stage: 'ticket' | 'session';
  accountId: string;
  /** ISO time (set by the database). */
  accessExpiresAt?: string;
  sealed: Sealed;
  /** Ticket: the partner origin that must redeem it. */
  origin?: string;
  /** Ticket: how the login ran. */
  mode?: LoginMode;
  /** Ticket: the login's nonce, the hash of the secret the starting page must show with the ticket. */
  binding?: string;
  lease?: string;
  leaseUntil?: string;
  /** Ticket: the ID token's `auth_time` (seconds since the epoch); the session keeps it in `auth_time`. */
  authTime?: number;
  /** Ticket of a re-authentication: the `id_hash` of the session it renews (see `reauthenticate`). */
  reauthOf?: string;
  /** Ticket: the ID token's `idp_session` (the IdP log-in session); the session keeps it in `idp_session`. */
  idpSession?: string;
}

interface TokenSet {
  accessToken: string;
  refreshToken: string;
}

export interface SessionRecord {
  idHash: string;
  customerId: number;
  clientId: string;
  accountId: string;
  /** The JWK SHA-256 thumbprint of the key the handle is bound to. */
  dpopJkt: string | null;
  partner: { name: string; origins: string[]; policyScope: 'all' | 'broker'; brokerId: number | null };
  needsRefresh: boolean;
  touchDue: boolean;
}

export type SessionLookup = { status: 'active'; session: SessionRecord } | { status: 'ended' };

/** The session is gone (logged out, expired, refused by the IdP): the client must log in again. */
export class SessionEndedError extends Error {
  constructor(readonly reason: SessionEndReason | 'unknown') {
    super(`session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

/** The access token has expired and the IdP could not be reached to refresh it. */
export class IdpUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the IdP is unavailable', { cause });
    this.name = 'IdpUnavailableError';
  }
}

export interface SessionStoreDeps {
  sequelize: Sequelize;
  vault: Promise<TokenVault>;
  /** Opens the partners' client secrets (`partner_clients.client_secret` is sealed). */
  partnerSecrets: PartnerSecretVault;
  idp: IdpClient;
  logger: Logger;
  /** Idle and absolute lifetime of a session (the `SESSION_IDLE_MINUTES` / `SESSION_ABSOLUTE_HOURS` settings). */
  lifetimes?: SessionLifetimes;
}

const TICKET_PREFIX = 'ticket:';

export interface SessionRow {
  customer_id: number;
  client_id: string;
  account_id: string;
  dpop_jkt: string | null;
  expired: boolean;
  needs_refresh: boolean;
  touch_due: boolean;
  display_name: string;
  origins: string[];
  policy_scope: 'all' | 'broker';
  broker_id: number | null;
  active: boolean;
}

/** Runs on every request with a session handle, so prepared; its values come from `findSessionValues`. */
export const FIND_SESSION = preparedStatement(
  'bff_session_find',
  `select s.customer_id, s.client_id, s.tokens->>'accountId' as account_id, s.dpop_jkt,
          (s.expires_at <= now() or s.created_at <= now() - make_interval(secs => $2)) as expired,
          coalesce(cast(s.tokens->>'accessExpiresAt' as timestamptz) <= now() + make_interval(secs => $3), true) as needs_refresh,
          s.last_seen_at <= now() - make_interval(secs => $4) as touch_due,
          pc.display_name, pc.origins, pc.policy_scope, pc.broker_id, pc.active
     from bff_sessions s join partner_clients pc on pc.client_id = s.client_id
    where s.id_hash = $1 and s.tokens->>'stage' = 'session'`,
);

/** $1 the id's hash; $2 the absolute lifetime, $3 the refresh margin, $4 the touch interval (seconds). */
export function findSessionValues(idHash: string, absoluteSeconds: number): [string, number, number, number] {
  return [idHash, absoluteSeconds, LIFETIMES.refreshMarginSeconds, LIFETIMES.touchIntervalSeconds];
}

export class SessionStore {
  private readonly sequelize: Sequelize;

  private readonly lifetimes: SessionLifetimes;

  constructor(private readonly deps: SessionStoreDeps) {
    this.sequelize = deps.sequelize;
    this.lifetimes = deps.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  }

  static hashOf(sessionId: string): string {
    return sha256Hex(sessionId);
  }

  /** Keeps a login's tokens under a new one-time ticket; returns the ticket (shown once, never stored). */
  async issueTicket(input: {
    customerId: number;
    clientId: string;
    accountId: string;
    origin: string;
    mode: LoginMode;
    /** The login's nonce (see `nonceFor`). */
    binding: string;
    tokens: TokenSet;
    expiresIn: number;
    /** The ID token's `auth_time`. */
    authTime: number;
    /** A re-authentication of this session (`id_hash`): its ticket renews it rather than opening one. */
    reauthOf?: string | null;
    /** The ID token's `idp_session`. */
    idpSession?: string | null;
  }): Promise<string> {
    const vault = await this.deps.vault;
    const ticket = randomSecret();
    const stored: StoredTokens = {
      v: 1,
      stage: 'ticket',
      accountId: input.accountId,
      sealed: vault.seal(input.tokens, sessionTokenAad(input.clientId, input.customerId, input.accountId)),
      origin: input.origin,
      mode: input.mode,
      binding: input.binding,
      authTime: input.authTime,
      ...(input.reauthOf ? { reauthOf: input.reauthOf } : {}),
      ...(input.idpSession ? { idpSession: input.idpSession } : {}),
    };
    await this.sequelize.query(
      `insert into bff_sessions (id_hash, customer_id, client_id, tokens, expires_at)
       values (:idHash, :customerId, :clientId,
               jsonb_set(cast(:tokens as jsonb), '{accessExpiresAt}', to_jsonb(now() + make_interval(secs => :expiresIn))),
               now() + make_interval(secs => :ttl))`,
      {
        replacements: {
          idHash: TICKET_PREFIX + sha256Hex(ticket),
          customerId: input.customerId,
          clientId: input.clientId,
          tokens: JSON.stringify(stored),
          expiresIn: input.expiresIn,
          ttl: LIFETIMES.ticketSeconds,
        },
      },
    );
    return ticket;
  }

  /**
   * Redeems a ticket once, from the origin the login started on and with the login secret the
   * starting page was given: the ticket's row goes, a session row bound to the key thumbprint
   * `jkt` comes. Any attempt (also from a wrong origin or with a wrong secret) uses the ticket up.
   */
  async redeemTicket(
    ticket: unknown,
    loginSecret: unknown,
    origin: string | null,
    jkt: string,
    /** Browser and OS in words (`deviceLabel()` of the redeeming request's User-Agent). */
    device: string | null = null,
  ): Promise<{ kind: 'started'; handle: string; expiresIn: number; customerId: number; clientId: string } | { kind: 'invalid' } | { kind: 'origin' }> {
    if (!looksLikeSecret(ticket)) return { kind: 'invalid' };
    const sessionId = randomSecret();
    return this.sequelize.transaction(async (transaction) => {
      const [row] = await this.sequelize.query<{ customer_id: number; client_id: string; tokens: StoredTokens; live: boolean }>(
        `delete from bff_sessions where id_hash = :idHash and tokens->>'stage' = 'ticket'
         returning customer_id, client_id, tokens, expires_at > now() as live`,
        { replacements: { idHash: TICKET_PREFIX + sha256Hex(ticket) }, type: QueryTypes.SELECT, transaction },
      );
      if (!row?.live || !matchesBinding(loginSecret, row.tokens.binding)) return { kind: 'invalid' as const };
      // A re-authentication's ticket renews its session (`reauthenticate`); it never opens another.
      if (row.tokens.reauthOf) return { kind: 'invalid' as const };
      const partner = await findActivePartner(this.sequelize, this.deps.partnerSecrets, row.client_id, transaction);
      if (!partner) return { kind: 'invalid' as const };
      if (!origin || origin !== row.tokens.origin || !partner.origins.includes(origin)) return { kind: 'origin' as const };

      const { origin: _origin, mode, binding: _binding, authTime, reauthOf: _reauthOf, idpSession, ...rest } = row.tokens;
      const stored: StoredTokens = { ...rest, stage: 'session' };
      const maxAge = Math.min(this.lifetimes.idleSeconds, this.lifetimes.absoluteSeconds);
      await this.sequelize.query(
        `insert into bff_sessions (id_hash, customer_id, client_id, tokens, dpop_jkt, expires_at, created_at, last_seen_at, device_label, auth_time, idp_session)
         values (:idHash, :customerId, :clientId, cast(:tokens as jsonb), :jkt, now() + make_interval(secs => :maxAge), now(), now(), :device,
                 to_timestamp(:authTime), :idpSession)`,
        {
          replacements: {
            idHash: sha256Hex(sessionId),
            customerId: row.customer_id,
            clientId: row.client_id,
            tokens: JSON.stringify(stored),
            jkt,
            maxAge,
            device,
            authTime: authTime ?? null,
            idpSession: idpSession ?? null,
          },
          transaction,
        },
      );
      await recordSessionEvent(
        this.sequelize,
        { action: 'session.started', accountId: stored.accountId, customerId: row.customer_id, clientId: row.client_id, metadata: { mode: mode ?? null } },
        transaction,
      );
      return { kind: 'started' as const, handle: sessionId, expiresIn: maxAge, customerId: row.customer_id, clientId: row.client_id };
    });
  }

  /**
   * Redeems a re-authentication's ticket for the session that asked for it (`session`, the one
   * the request is authenticated with, so the same handle and key): the session takes the fresh
   * log-in's tokens and `auth_time`; no new session is opened. The ticket must have been issued for
   * this very session and account, and redeemed from the origin the log-in started on; any
   * attempt uses it up. The previous tokens are dropped, not revoked: both log-ins may share one
   * grant at the IdP, and revoking the old refresh token would revoke the new one with it.
   */
  async reauthenticate(
    ticket: unknown,
    loginSecret: unknown,
    origin: string | null,
    session: { idHash: string; accountId: string; clientId: string; customerId: number },
  ): Promise<'renewed' | 'invalid' | 'origin'> {
    if (!looksLikeSecret(ticket)) return 'invalid';
    return this.sequelize.transaction(async (transaction) => {
      const [row] = await this.sequelize.query<{ client_id: string; tokens: StoredTokens; access_expires_at: string | null; live: boolean }>(
        `delete from bff_sessions where id_hash = :idHash and tokens->>'stage' = 'ticket'
         returning client_id, tokens, tokens->>'accessExpiresAt' as access_expires_at, expires_at > now() as live`,
        { replacements: { idHash: TICKET_PREFIX + sha256Hex(ticket) }, type: QueryTypes.SELECT, transaction },
      );
      if (!row?.live || !matchesBinding(loginSecret, row.tokens.binding)) return 'invalid';
      const t = row.tokens;
      if (t.reauthOf !== session.idHash || t.accountId !== session.accountId || row.client_id !== session.clientId || !t.authTime) return 'invalid';
      if (!origin || origin !== t.origin) return 'origin';
      const stored: StoredTokens = { v: 1, stage: 'session', accountId: t.accountId, sealed: t.sealed, accessExpiresAt: row.access_expires_at ?? undefined };
      const [renewed] = await this.sequelize.query<{ id_hash: string }>(
        `update bff_sessions set tokens = cast(:tokens as jsonb), auth_time = to_timestamp(:authTime), idp_session = :idpSession
          where id_hash = :idHash and tokens->>'stage' = 'session' returning id_hash`,
        {
          replacements: { idHash: session.idHash, tokens: JSON.stringify(stored), authTime: t.authTime, idpSession: t.idpSession ?? null },
          type: QueryTypes.SELECT,
          transaction,
        },
      );
      if (!renewed) return 'invalid';
      await recordSessionEvent(
        this.sequelize,
        { action: 'session.reauthenticated', accountId: t.accountId, customerId: session.customerId, clientId: session.clientId },
        transaction,
      );
      return 'renewed';
    });
  }

  /** The session behind a handle; an expired one (or one of a deactivated partner) is ended on the way. */
  async find(sessionId: string): Promise<SessionLookup | undefined> {
    if (!looksLikeSecret(sessionId)) return undefined;
    const idHash = sha256Hex(sessionId);
    const [row] = await selectPrepared<SessionRow>(this.sequelize, FIND_SESSION, findSessionValues(idHash, this.lifetimes.absoluteSeconds));
    if (!row) return undefined;
    if (row.expired || !row.active) {
      // Expired: the IdP's refresh token expires on the same schedule; a deactivated partner's were revoked with it.
      await this.end(idHash, row.expired ? 'expired' : 'partner_inactive', { revoke: false });
      return { status: 'ended' };
    }
    return {
      status: 'active',
      session: {
        idHash,
        customerId: row.customer_id,
        clientId: row.client_id,
        accountId: row.account_id,
        dpopJkt: row.dpop_jkt,
        partner: { name: row.display_name, origins: row.origins, policyScope: row.policy_scope, brokerId: row.broker_id },
        needsRefresh: row.needs_refresh,
        touchDue: row.touch_due,
      },
    };
  }

  /**
   * Refreshes the session's access token when it has less than a minute left, one process at a
   * time. Throws `SessionEndedError` when the IdP refuses (the session is ended) and
   * `IdpUnavailableError` when the token has expired and the IdP can't be reached.
   */
  async refreshIfNeeded(session: SessionRecord): Promise<void> {
    if (!session.needsRefresh) return;
    const deadline = Date.now() + LIFETIMES.refreshWaitMs;
    for (;;) {
      const lease = randomSecret();
      const [claimed] = await this.sequelize.query<{ tokens: StoredTokens }>(
        `update bff_sessions
            set tokens = tokens || jsonb_build_object('lease', cast(:lease as text), 'leaseUntil', now() + make_interval(secs => :leaseSeconds))
          where id_hash = :idHash and tokens->>'stage' = 'session'
            and coalesce(cast(tokens->>'accessExpiresAt' as timestamptz) <= now() + make_interval(secs => :margin), true)
            and (tokens->>'leaseUntil' is null or cast(tokens->>'leaseUntil' as timestamptz) < now())
          returning tokens`,
        {
          replacements: { idHash: session.idHash, lease, leaseSeconds: LIFETIMES.refreshLeaseSeconds, margin: LIFETIMES.refreshMarginSeconds },
          type: QueryTypes.SELECT,
        },
      );
      if (claimed) return this.refreshUnderLease(session, claimed.tokens, lease);

      // Someone else refreshes (or already has): go on while the current token is still good, else wait for theirs.
      const [state] = await this.sequelize.query<{ needs_refresh: boolean; access_expired: boolean }>(
        `select coalesce(cast(tokens->>'accessExpiresAt' as timestamptz) <= now() + make_interval(secs => :margin), true) as needs_refresh,
                coalesce(cast(tokens->>'accessExpiresAt' as timestamptz) <= now(), true) as access_expired
           from bff_sessions where id_hash = :idHash and tokens->>'stage' = 'session'`,
        { replacements: { idHash: session.idHash, margin: LIFETIMES.refreshMarginSeconds }, type: QueryTypes.SELECT },
      );
      if (!state) throw new SessionEndedError('unknown');
      if (!state.needs_refresh || !state.access_expired) return;
      if (Date.now() > deadline) throw new IdpUnavailableError();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async refreshUnderLease(session: SessionRecord, stored: StoredTokens, lease: string): Promise<void> {
    const vault = await this.deps.vault;
    const aad = sessionTokenAad(session.clientId, session.customerId, stored.accountId);
    let tokens: TokenSet;
    try {
      tokens = vault.open<TokenSet>(stored.sealed, aad);
    } catch {
      // Sealed with a key this process no longer has: nothing to refresh with.
      await this.end(session.idHash, 'unreadable', { revoke: false });
      throw new SessionEndedError('unreadable');
    }
    const partner = await findActivePartner(this.sequelize, this.deps.partnerSecrets, session.clientId);
    if (!partner?.clientSecret) {
      await this.end(session.idHash, 'partner_inactive', { revoke: false });
      throw new SessionEndedError('partner_inactive');
    }

    let response: Awaited<ReturnType<typeof oidc.refreshTokenGrant>>;
    try {
      response = await oidc.refreshTokenGrant(
        await this.deps.idp.configurationFor({ clientId: partner.clientId, clientSecret: partner.clientSecret }),
        tokens.refreshToken,
      );
    } catch (error) {
      if (isIdpRefusal(error)) {
        this.deps.logger.warn('bff_session_refresh_refused', { clientId: session.clientId, customerId: session.customerId, error: describeError(error) });
        // The IdP refused the refresh token: nothing left to revoke.
        await this.end(session.idHash, 'refresh_failed', { revoke: false });
        throw new SessionEndedError('refresh_failed');
      }
      this.deps.logger.warn('bff_session_refresh_unavailable', { clientId: session.clientId, error: describeError(error) });
      await this.sequelize.query(`update bff_sessions set tokens = tokens - 'lease' - 'leaseUntil' where id_hash = :idHash and tokens->>'lease' = :lease`, {
        replacements: { idHash: session.idHash, lease },
      });
      const [state] = await this.sequelize.query<{ access_expired: boolean }>(
        `select coalesce(cast(tokens->>'accessExpiresAt' as timestamptz) <= now(), true) as access_expired from bff_sessions where id_hash = :idHash`,
        { replacements: { idHash: session.idHash }, type: QueryTypes.SELECT },
      );
      if (!state) throw new SessionEndedError('unknown');
      if (state.access_expired) throw new IdpUnavailableError(error);
      return;
    }

    const next: TokenSet = { accessToken: response.access_token, refreshToken: response.refresh_token ?? tokens.refreshToken };
    const replaced: StoredTokens = { v: 1, stage: 'session', accountId: stored.accountId, sealed: vault.seal(next, aad) };
    const [updated] = await this.sequelize.query<{ id_hash: string }>(
      `update bff_sessions
          set tokens = jsonb_set(cast(:tokens as jsonb), '{accessExpiresAt}', to_jsonb(now() + make_interval(secs => :expiresIn)))
        where id_hash = :idHash and tokens->>'lease' = :lease
        returning id_hash`,
      {
        replacements: { idHash: session.idHash, lease, tokens: JSON.stringify(replaced), expiresIn: response.expires_in ?? 300 },
        type: QueryTypes.SELECT,
      },
    );
    if (!updated) {
      // The lease is gone: someone replaced the tokens meanwhile, or the session ended.
      const [current] = await this.sequelize.query<{ id_hash: string }>(
        `select id_hash from bff_sessions where id_hash = :idHash and tokens->>'stage' = 'session'`,
        { replacements: { idHash: session.idHash }, type: QueryTypes.SELECT },
      );
      if (current) {
        // Re-authenticated while we refreshed: its tokens are newer, and the session is good. Ours
        // are dropped, not revoked: both may hang off one grant, and revoking a refresh token
        // revokes its grant, the new log-in's tokens with it.
        this.deps.logger.info('bff_session_refresh_superseded', { clientId: session.clientId, customerId: session.customerId });
        return;
      }
      // The session ended meanwhile (logout): the fresh refresh token must not outlive it.
      await this.revoke(partner, next.refreshToken);
      throw new SessionEndedError('logout');
    }
    this.deps.logger.info('bff_session_refreshed', { clientId: session.clientId, customerId: session.customerId });
  }

  /**
   * Moves the idle expiry forward (at most once a minute); returns the seconds left when it did. When it falls due, every request of the session in flight sees it due: only one per
   * process updates the row, and the update itself re-checks that it is still due, so requests of
   * other processes do not queue on the row's lock one after the other.
   */
  async touch(session: SessionRecord): Promise<number | null> {
    if (!session.touchDue || this.touching.has(session.idHash)) return null;
    this.touching.add(session.idHash);
    try {
      const [row] = await this.sequelize.query<{ max_age: number }>(
        `update bff_sessions
            set last_seen_at = now(),
                expires_at = least(now() + make_interval(secs => :idle), created_at + make_interval(secs => :absolute))
          where id_hash = :idHash and last_seen_at <= now() - make_interval(secs => :touch)
          returning cast(floor(extract(epoch from expires_at - now())) as int) as max_age`,
        {
          replacements: {
            idHash: session.idHash,
            idle: this.lifetimes.idleSeconds,
            absolute: this.lifetimes.absoluteSeconds,
            touch: LIFETIMES.touchIntervalSeconds,
          },
          type: QueryTypes.SELECT,
        },
      );
      return row ? Math.max(0, row.max_age) : null;
    } finally {
      this.touching.delete(session.idHash);
    }
  }

  /** Sessions whose touch is under way in this process. */
  private readonly touching = new Set<string>();

  /**
   * Ends a session: deletes the row (so no other request can use or refresh it), records
   * 'session.ended' and, for a logout, revokes the refresh token at the IdP (which also revokes the
   * access tokens of that grant). Returns the ended session's partner, or undefined if it was gone.
   */
  async end(idHash: string, reason: SessionEndReason, options: { revoke: boolean }): Promise<{ clientId: string; customerId: number } | undefined> {
    const [row] = await this.sequelize.query<{ customer_id: number; client_id: string; tokens: StoredTokens }>(
      `delete from bff_sessions where id_hash = :idHash and tokens->>'stage' = 'session' returning customer_id, client_id, tokens`,
      { replacements: { idHash }, type: QueryTypes.SELECT },
    );
    if (!row) return undefined;
    await recordSessionEvent(this.sequelize, {
      action: 'session.ended',
      accountId: row.tokens.accountId ?? null,
      customerId: row.customer_id,
      clientId: row.client_id,
      metadata: { reason },
    });
    if (options.revoke) {
      const partner = await findActivePartner(this.sequelize, this.deps.partnerSecrets, row.client_id);
      if (partner?.clientSecret) {
        try {
          const vault = await this.deps.vault;
          const tokens = vault.open<TokenSet>(row.tokens.sealed, sessionTokenAad(row.client_id, row.customer_id, row.tokens.accountId));
          await this.revoke(partner, tokens.refreshToken);
        } catch (error) {
          this.deps.logger.warn('bff_session_revocation_failed', { clientId: row.client_id, error: describeError(error) });
        }
      }
    }
    return { clientId: row.client_id, customerId: row.customer_id };
  }

  private async revoke(partner: { clientId: string; clientSecret: string | null }, refreshToken: string): Promise<void> {
    if (!partner.clientSecret) return;
    try {
      const config = await this.deps.idp.configurationFor({ clientId: partner.clientId, clientSecret: partner.clientSecret });
      await oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' });
    } catch (error) {
      this.deps.logger.warn('bff_session_revocation_failed', { clientId: partner.clientId, error: describeError(error) });
    }
  }
}

function matchesBinding(loginSecret: unknown, binding: string | undefined): boolean {
  if (!looksLikeSecret(loginSecret) || !binding) return false;
  const expected = Buffer.from(binding);
  const actual = Buffer.from(nonceFor(loginSecret));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Binds sealed tokens to their session's partner, customer and account. */
export function sessionTokenAad(clientId: string, customerId: number, accountId: string): string {
  return `gp-bff-session|${clientId}|${customerId}|${accountId}`;
}
