import { QueryTypes, type Sequelize } from 'sequelize';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { clientMetadataFromRow, type PartnerClientRow } from '../../common/partners/partner-client-metadata.ts';
import type { PartnerSecretVault } from '../../common/partners/partner-secret-vault.ts';

/**
 * oidc-provider's storage contract on one PostgreSQL table (`oidc_models`), so every process
 * behind a load balancer sees the same sessions, grants, codes and refresh tokens. Clients are
 * not stored here: they are the registered partners (`partner_clients`), read through `Client`.
 *
 * What the provider relies on, and this adapter keeps:
 * - `consume` marks a row; a later `find` returns the payload with `consumed` (epoch seconds).
 *   That is how a replayed authorization code or rotated refresh token is recognised, after
 *   which the provider revokes the whole grant.
 * - `revokeByGrantId` deletes every row of *this model* that belongs to the grant (the provider
 *   calls it once per token model: AccessToken, RefreshToken, AuthorizationCode …). Rows of
 *   other models that merely mention the grant (an Interaction) are left alone.
 * - `find` never returns an expired row, even before the periodic clean-up deletes it.
 *
 * JWT access tokens for the API are not stored (they are self-contained and live 5 minutes): a
 *   revoked grant stamps its account's `sessions_valid_after`, and the API refuses older ones.
 */
export function sequelizeAdapterFactory(sequelize: Sequelize, partnerSecrets: PartnerSecretVault) {
  return (model: string): Adapter => (model === 'Client' ? new PartnerClientAdapter(sequelize, partnerSecrets) : new ModelAdapter(sequelize, model));
}

/**
 * Deletes the rows `where` selects and stamps their accounts' `sessions_valid_after`: JWT access
 * tokens are not stored, so the API refuses those issued before a revocation by that stamp.
 */
const REVOKING = (where: string) => `
  with gone as (delete from oidc_models where ${where} returning payload->>'accountId' as account_id)
  update accounts set sessions_valid_after = clock_timestamp()
   where id::text in (select account_id from gone where account_id is not null)`;

export class ModelAdapter implements Adapter {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    // A re-saved payload replaces the old one entirely, as in oidc-provider's memory adapter:
    // `consumed` is whatever the new payload says.
    await this.sequelize.query(
      `insert into oidc_models (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
       values (:model, :id, :payload, :grantId, :userCode, :uid, :expiresAt, :consumedAt)
       on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
         user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at,
         consumed_at = excluded.consumed_at`,
      {
        replacements: {
          model: this.model,
          id,
          payload: JSON.stringify(payload),
          grantId: payload.grantId ?? null,
          userCode: payload.userCode ?? null,
          uid: payload.uid ?? null,
          expiresAt: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null,
          consumedAt: typeof payload.consumed === 'number' ? new Date(payload.consumed * 1000) : payload.consumed ? new Date() : null,
        },
      },
    );
  }

  find(id: string) {
    return this.findBy('id', id);
  }

  findByUid(uid: string) {
    return this.findBy('uid', uid);
  }

  findByUserCode(userCode: string) {
    return this.findBy('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.sequelize.query(`update oidc_models set consumed_at = now() where model = :model and id = :id and consumed_at is null`, {
      replacements: { model: this.model, id },
    });
  }

  async destroy(id: string): Promise<void> {
    // A destroyed grant is a revoked one (logout, refresh-token reuse): its account's access tokens end too.
    const revokesAccount = this.model === 'Grant';
    await this.sequelize.query(revokesAccount ? REVOKING(`model = :model and id = :id`) : `delete from oidc_models where model = :model and id = :id`, {
      replacements: { model: this.model, id },
    });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.sequelize.query(REVOKING(`model = :model and grant_id = :grantId`), { replacements: { model: this.model, grantId } });
  }

  private async findBy(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.sequelize.query<{ payload: AdapterPayload; consumed_at: Date | null }>(
      `select payload, consumed_at from oidc_models
       where model = :model and ${column} = :value and (expires_at is null or expires_at > now())`,
      { replacements: { model: this.model, value }, type: QueryTypes.SELECT },
    );
    if (!row) return undefined;
    return row.consumed_at ? { ...row.payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) } : row.payload;
  }
}

/**
 * Read-only: partners are managed with `portal partner …`, never by the provider. An inactive
 * partner, or one without a secret that opens (clear, another client's, an unlisted key), is no
 * client at all (the provider answers `invalid_client`).
 * The provider reads this on every request that names the client, so `portal partner remove`
 * takes effect at once in every process.
 */
class PartnerClientAdapter implements Adapter {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly partnerSecrets: PartnerSecretVault,
  ) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.sequelize.query<PartnerClientRow>(
      `select client_id, display_name, logo_url, redirect_uris, post_logout_redirect_uris, client_secret, metadata
       from partner_clients where client_id = :id and active`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    if (!row) return undefined;
    const metadata = clientMetadataFromRow({ ...row, client_secret: (await this.partnerSecrets.open(row.client_id, row.client_secret)) ?? null });
    return metadata ? (metadata as AdapterPayload) : undefined;
  }

  async upsert(): Promise<void> {
    throw new Error('partner clients are registered with `portal partner add`, not through the provider');
  }
  async findByUid() {
    return undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume() {}
  async destroy() {}
  async revokeByGrantId() {}
}

/** Deletes expired rows; run periodically (any process may: the statement is idempotent). */
export async function deleteExpiredOidcModels(sequelize: Sequelize): Promise<number> {
  const [, meta] = await sequelize.query(`delete from oidc_models where expires_at < now()`);
  return (meta as { rowCount?: number } | undefined)?.rowCount ?? 0;
}
