import type { MiddlewareHandler } from 'hono';
import { errors as joseErrors, jwtVerify } from 'jose';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Logger } from '../../../common/http/logger.ts';
import { ProblemError } from '../../../common/http/problem.ts';
import { problems } from '../auth/problems.ts';
import type { Principal } from '../auth/principal.ts';
import { IdpClient } from '../../domain/session/idp-client.ts';

/** The scope an operations client's client-credentials token carries (see idp/provider.ts). */
export const ADMIN_SCOPE = 'admin';

/** Who an operations request acts as: the operations client (a machine credential, no customer). */
export interface Operator {
  clientId: string;
}

export type OperationsEnv = {
  Variables: {
    principal?: Principal;
    operator?: Operator;
  };
};

export const forbidden = () => new ProblemError(403, 'forbidden', 'This resource needs an operations credential (scope admin)');

export interface AdminAuthOptions {
  sequelize: Sequelize;
  /** The bundled IdP's issuer (`${PUBLIC_URL}/oidc`). */
  issuer: string;
  /** The API's audience (`${PUBLIC_URL}/api`). */
  audience: string;
  logger: Logger;
}

/**
 * Admin routes accept only `Authorization: Bearer <JWT>` from the bundled IdP for this API with
 * scope `admin`, issued by client credentials (`sub` = `client_id`) to a still active operations
 * client (`partner_clients.metadata.operations = true`). Customer credentials — a widget session
 * (`Authorization: DPoP`) or a customer's bearer token — are 403 `forbidden`; no credentials 401 `unauthenticated`; a
 * token that is not valid for this API 401 `invalid_token`.
 */
export function requireOperator(options: AdminAuthOptions): MiddlewareHandler<OperationsEnv> {
  const idp = new IdpClient({ issuer: options.issuer, redirectUri: new URL('/api/session/callback', options.audience).href });
  const invalid = (c: Parameters<MiddlewareHandler>[0]) => {
    c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    return problems.invalidToken();
  };
  return async function requireOperator(c, next) {
    const authorization = c.req.header('authorization');
    if (/^DPoP /i.test(authorization ?? '')) throw forbidden();
    if (authorization === undefined) {
      c.header('WWW-Authenticate', 'Bearer');
      throw problems.unauthenticated();
    }
    const match = /^Bearer +([A-Za-z0-9_.~+/-]+=*) *$/i.exec(authorization);
    if (!match?.[1]) throw invalid(c);

    let keys: Awaited<ReturnType<IdpClient['jwks']>>;
    try {
      keys = await idp.jwks();
    } catch (error) {
      options.logger.warn('bearer_keys_unavailable', { error });
      throw problems.idpUnavailable();
    }
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['ES256'],
        requiredClaims: ['exp', 'iat', 'sub', 'client_id', 'scope'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
        options.logger.warn('bearer_keys_unavailable', { error });
        throw problems.idpUnavailable();
      }
      throw invalid(c);
    }
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (!scopes.includes(ADMIN_SCOPE)) {
      c.header('WWW-Authenticate', `Bearer error="insufficient_scope", scope="${ADMIN_SCOPE}"`);
      throw forbidden();
    }
    const clientId = payload.client_id;
    // Client credentials: the token is the client's own, for no customer.
    if (typeof clientId !== 'string' || payload.sub !== clientId) throw forbidden();
    const [row] = await options.sequelize.query<{ client_id: string }>(
      `select client_id from partner_clients where client_id = :clientId and active and (metadata->>'operations') = 'true'`,
      { replacements: { clientId }, type: QueryTypes.SELECT },
    );
    if (!row) throw invalid(c);
    c.set('operator', { clientId });
    return next();
  };
}
