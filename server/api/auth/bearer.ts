import { errors as joseErrors, jwtVerify } from 'jose';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { IdpClient } from '../../domain/session/idp-client.ts';
import type { Principal } from './principal.ts';

/**
 * Verifies an RFC 9068 access token the bundled IdP issued for this API (non-browser clients: a
 * partner's back end, a mobile app): ES256 only, signed by a key the IdP publishes, `typ`
 * at+jwt, the IdP's issuer, this API as audience, not expired, scope `portal`, a partner that is
 * still active and an account that still exists, and issued after the account's sessions were
 * last ended (`sessions_valid_after`: a password reset or change, an e-mail change, a revoked
 * grant; the token is not stored anywhere else to revoke). Nothing else is trusted from the token.
 */
export const API_SCOPE = 'portal';

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid access token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The signing keys could not be fetched: not the token's fault. */
export class TokenKeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the IdP signing keys are unavailable', { cause });
    this.name = 'TokenKeysUnavailableError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class BearerVerifier {
  constructor(private readonly deps: { sequelize: Sequelize; idp: IdpClient; issuer: string; audience: string }) {}

  async verify(token: string): Promise<Principal> {
    let keys: Awaited<ReturnType<IdpClient['jwks']>>;
    try {
      keys = await this.deps.idp.jwks();
    } catch (error) {
      throw new TokenKeysUnavailableError(error);
    }
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.deps.issuer,
        audience: this.deps.audience,
        typ: 'at+jwt',
        algorithms: ['ES256'],
        requiredClaims: ['exp', 'iat', 'sub', 'client_id', 'scope'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) throw new TokenKeysUnavailableError(error);
      throw new InvalidTokenError(error.code);
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (!scopes.includes(API_SCOPE)) throw new InvalidTokenError('scope');
    const clientId = payload.client_id;
    const sub = payload.sub;
    if (typeof clientId !== 'string' || typeof sub !== 'string' || !UUID.test(sub)) throw new InvalidTokenError('claims');

    const [row] = await this.deps.sequelize.query<{
      customer_id: number;
      policy_scope: 'all' | 'broker';
      broker_id: number | null;
      sessions_valid_after: Date | null;
    }>(
      `select a.customer_id, pc.policy_scope, pc.broker_id, a.sessions_valid_after
         from accounts a cross join partner_clients pc
        where a.id = cast(:sub as uuid) and pc.client_id = :clientId and pc.active`,
      { replacements: { sub, clientId }, type: QueryTypes.SELECT },
    );
    if (!row) throw new InvalidTokenError('client or account');
    // `iat` has whole seconds: a token of the very second the sessions ended is refused too.
    if (row.sessions_valid_after && (payload.iat ?? 0) * 1000 <= row.sessions_valid_after.getTime()) throw new InvalidTokenError('revoked');
    return { customerId: row.customer_id, accountId: sub, clientId, policyScope: row.policy_scope, brokerId: row.broker_id, via: 'bearer' };
  }
}
