import type Provider from 'oidc-provider';
import type { Sequelize } from 'sequelize';
import type { Logger } from '../common/http/logger.ts';
import type { Throttle } from '../common/security/throttle.ts';
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
}
