import type { Sequelize } from 'sequelize';
import type { PartnerEnds } from '../../common/partners/partner-clients.ts';
import { revokeClientArtefacts } from '../../idp/storage/grants.ts';
import { endClientSessions } from '../domain/session/end-sessions.ts';

/** What ends when a partner is removed: the IdP's grants and tokens of the client, the API's sessions through it. */
export function partnerEnds(sequelize: Sequelize): PartnerEnds {
  return {
    revokeIdpArtefacts: (clientId, transaction) => revokeClientArtefacts(sequelize, clientId, transaction),
    endApiSessions: (clientId, transaction) => endClientSessions(sequelize, clientId, transaction),
  };
}
