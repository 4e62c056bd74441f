import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * The id of the newest unexpired grant (consent) a customer's account gave a partner client, if
 * any. Used to remember consent across IdP sessions: "first login through a partner asks the
 * customer's consent for that partner" — later logins don't ask again while a grant lives.
 */
export async function findLatestGrantId(sequelize: Sequelize, accountId: string, clientId: string): Promise<string | undefined> {
  const [row] = await sequelize.query<{ id: string }>(
    `select id from oidc_models
     where model = 'Grant' and payload->>'accountId' = :accountId and payload->>'clientId' = :clientId
       and (expires_at is null or expires_at > now())
     order by expires_at desc nulls first
     limit 1`,
    { replacements: { accountId, clientId }, type: QueryTypes.SELECT },
  );
  return row?.id;
}

/** Deletes every stored artefact (grants, codes, refresh tokens) of one client. */
export async function revokeClientArtefacts(sequelize: Sequelize, clientId: string, transaction?: Transaction): Promise<number> {
  const [, meta] = await sequelize.query(
    `delete from oidc_models
     where model in ('Grant', 'AuthorizationCode', 'RefreshToken', 'AccessToken')
       and payload->>'clientId' = :clientId`,
    { replacements: { clientId }, transaction: transaction ?? null },
  );
  return (meta as { rowCount?: number } | undefined)?.rowCount ?? 0;
}
