import type Provider from 'oidc-provider';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../common/http/logger.ts';
import type { Throttle } from '../common/security/throttle.ts';
import type { TrustProxy } from '../common/http/trust-proxy.ts';
import type { IdpPorts } from './ports.ts';

/** What every router of the IdP's pages gets. */
export interface IdpRouteDeps {
  provider: Provider;
  sequelize: Sequelize;
  publicUrl: URL;
  logger: Logger;
  throttle: Throttle;
  /** What the IdP needs from the rest of the product (e-mail, the API's sessions, the e-mail change). */
  ports: IdpPorts;
  /** `TRUST_PROXY`: whose `X-Forwarded-For` names the client for the per-address throttles. */
  trustProxy: TrustProxy | null;
}
