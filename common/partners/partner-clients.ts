import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { generateClientSecret } from './client-secret.ts';
import type { PartnerSecretVault } from './partner-secret-vault.ts';

/**
 * Registering broker partners (OIDC clients) — what `portal partner …` does, without the
 * command line around it. Every partner's redirect URI is the API's (BFF's) callback,
 * `${PUBLIC_URL}/api/session/callback`; its origins are where the widgets may run.
 */
export class PartnerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartnerInputError';
  }
}

export interface NewPartnerClient {
  clientId: string;
  name: string;
  origins: string[];
  brokerCode?: string | null;
  scope?: 'broker' | 'all';
  logoUrl?: string | null;
}

export interface PartnerClientSummary {
  clientId: string;
  name: string;
  brokerCode: string | null;
  scope: 'broker' | 'all';
  origins: string[];
  active: boolean;
  hasSecret: boolean;
}

const CLIENT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const BROKER_CODE = /^[A-Z0-9]{3,12}$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function redirectUriFor(publicUrl: URL): string {
  return new URL('/api/session/callback', publicUrl).href;
}

/** `https://broker.example` (scheme, host, port; nothing else). http only for localhost. */
export function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PartnerInputError(`"${raw}" is not a URL: an origin looks like https://www.broker.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new PartnerInputError(`"${raw}" must use https (an origin looks like https://www.broker.example)`);
  if (url.username || url.password) throw new PartnerInputError(`"${raw}" must not contain a user name or password`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /[?#]/.test(raw) || /^[a-z]+:\/\/[^/]+\/./i.test(raw)) {
    throw new PartnerInputError(`"${raw}" is not an origin: give only scheme, host and port, without a path, query or fragment (e.g. ${url.origin})`);
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new PartnerInputError(`"${raw}" must use https (plain http is only allowed for localhost and 127.0.0.1)`);
  }
  return url.origin;
}

function parseLogoUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PartnerInputError(`--logo-url "${raw}" is not an absolute URL`);
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)))) {
    throw new PartnerInputError(`--logo-url "${raw}" must use https (plain http only for localhost and 127.0.0.1)`);
  }
  if (url.username || url.password) throw new PartnerInputError(`--logo-url "${raw}" must not contain a user name or password`);
  return url.href;
}

export function validateNewPartner(input: NewPartnerClient): Required<NewPartnerClient> {
  const clientId = input.clientId.trim();
  if (!CLIENT_ID.test(clientId)) {
    throw new PartnerInputError(
      `--client-id "${input.clientId}" must be 2–63 characters of lower-case letters, digits and hyphens, starting with a letter or digit (e.g. biztos-pont)`,
    );
  }
  const name = input.name.trim();
  if (!name) throw new PartnerInputError('--name is required: the partner name customers see on the consent page');
  if (name.length > 200) throw new PartnerInputError('--name must be at most 200 characters');
  if (!input.origins.length) throw new PartnerInputError('--origin is required (repeat it for each web origin the widgets run on)');
  const origins = [...new Set(input.origins.map(parseOrigin))];
  const brokerCode = input.brokerCode?.trim() ? input.brokerCode.trim() : null;
  if (brokerCode && !BROKER_CODE.test(brokerCode)) {
    throw new PartnerInputError(`--broker-code "${brokerCode}" must be 3–12 upper-case letters or digits (e.g. BIZTOSPONT)`);
  }
  const scope = input.scope ?? 'broker';
  if (scope !== 'broker' && scope !== 'all') throw new PartnerInputError(`--scope must be "broker" or "all" (got "${String(scope)}")`);
  if (scope === 'broker' && !brokerCode) {
    throw new PartnerInputError(
      "--broker-code is required with --scope broker (the partner sees only the policies its broker intermediates); use --scope all only for the insurer's own portal",
    );
  }
  const logoUrl = input.logoUrl?.trim() ? parseLogoUrl(input.logoUrl.trim()) : null;
  return { clientId, name, origins, brokerCode, scope, logoUrl };
}

export interface AddedPartner {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The broker was not registered yet and has been created with the partner's name. */
  brokerCreated: boolean;
}

export async function addPartnerClient(sequelize: Sequelize, vault: PartnerSecretVault, publicUrl: URL, input: NewPartnerClient): Promise<AddedPartner> {
  const partner = validateNewPartner(input);
  const clientSecret = generateClientSecret();
  const sealed = await vault.seal(partner.clientId, clientSecret);
  const redirectUri = redirectUriFor(publicUrl);
  return sequelize.transaction(async (transaction) => {
    const [existing] = await sequelize.query<{ active: boolean }>('select active from partner_clients where client_id = :id for update', {
      replacements: { id: partner.clientId },
      type: QueryTypes.SELECT,
      transaction,
    });
    if (existing) {
      throw new PartnerInputError(
        existing.active
          ? `A partner with client id "${partner.clientId}" already exists`
          : `A deactivated partner with client id "${partner.clientId}" exists; remove it with --purge first, or choose another client id`,
      );
    }
    let brokerId: number | null = null;
    let brokerCreated = false;
    if (partner.brokerCode) {
      const [broker] = await sequelize.query<{ id: number }>('select id from brokers where code = :code', {
        replacements: { code: partner.brokerCode },
        type: QueryTypes.SELECT,
        transaction,
      });
      if (broker) {
        brokerId = broker.id;
      } else {
        const [created] = await sequelize.query<{ id: number }>('insert into brokers (code, name) values (:code, :name) returning id', {
          replacements: { code: partner.brokerCode, name: partner.name },
          type: QueryTypes.SELECT,
          transaction,
        });
        brokerId = created!.id;
        brokerCreated = true;
      }
    }
    await sequelize.query(
      `insert into partner_clients (client_id, broker_id, display_name, logo_url, origins, redirect_uris, policy_scope, client_secret)
       values (:clientId, :brokerId, :name, :logoUrl, cast(:origins as text[]), cast(:redirectUris as text[]), :scope, :secret)`,
      {
        replacements: {
          clientId: partner.clientId,
          brokerId,
          name: partner.name,
          logoUrl: partner.logoUrl,
          origins: toPgArray(partner.origins),
          redirectUris: toPgArray([redirectUri]),
          scope: partner.scope,
          secret: sealed,
        },
        transaction,
      },
    );
    return { clientId: partner.clientId, clientSecret, redirectUri, brokerCreated };
  });
}

export async function listPartnerClients(sequelize: Sequelize): Promise<PartnerClientSummary[]> {
  const rows = await sequelize.query<{
    client_id: string;
    display_name: string;
    code: string | null;
    policy_scope: 'broker' | 'all';
    origins: string[];
    active: boolean;
    has_secret: boolean;
  }>(
    `select pc.client_id, pc.display_name, b.code, pc.policy_scope, pc.origins, pc.active, pc.client_secret is not null as has_secret
       from partner_clients pc left join brokers b on b.id = pc.broker_id
      order by pc.active desc, pc.client_id`,
    { type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    clientId: r.client_id,
    name: r.display_name,
    brokerCode: r.code,
    scope: r.policy_scope,
    origins: r.origins,
    active: r.active,
    hasSecret: r.has_secret,
  }));
}

export interface RemovedPartner {
  purged: boolean;
  /** Grants, codes and refresh tokens of the client deleted from the provider's store. */
  revokedArtefacts: number;
  /** The API's (BFF's) sessions of the client ended. */
  endedSessions: number;
}

/**
 * What ends with a partner, in the removal's transaction: the IdP's grants and tokens of the
 * client and the API's sessions through it. The app's wiring (`server/app/partner-ends.ts`) hands
 * them in, so this registry knows neither side's tables.
 */
export interface PartnerEnds {
  revokeIdpArtefacts(clientId: string, transaction: Transaction): Promise<number>;
  endApiSessions(clientId: string, transaction: Transaction): Promise<number>;
}

/**
 * Deactivates a partner (the provider stops knowing the client at once; its grants and tokens
 * and the API's sessions through it end), or with `purge` deletes the row too. Rows elsewhere
 * that name the client (claims, payments …) keep their history: their reference becomes null.
 */
export async function removePartnerClient(
  sequelize: Sequelize,
  clientId: string,
  ends: PartnerEnds,
  options: { purge?: boolean } = {},
): Promise<RemovedPartner> {
  return sequelize.transaction(async (transaction) => {
    const [row] = await sequelize.query<{ active: boolean }>('select active from partner_clients where client_id = :id for update', {
      replacements: { id: clientId },
      type: QueryTypes.SELECT,
      transaction,
    });
    if (!row) throw new PartnerInputError(`No partner with client id "${clientId}" (see portal partner list)`);
    if (options.purge) {
      await sequelize.query('delete from partner_clients where client_id = :id', { replacements: { id: clientId }, transaction });
    } else {
      await sequelize.query('update partner_clients set active = false, updated_at = now() where client_id = :id', {
        replacements: { id: clientId },
        transaction,
      });
    }
    const revokedArtefacts = await ends.revokeIdpArtefacts(clientId, transaction);
    const endedSessions = await ends.endApiSessions(clientId, transaction);
    return { purged: Boolean(options.purge), revokedArtefacts, endedSessions };
  });
}

/** A new secret for a partner (the old one stops working at once), stored sealed; returns it. */
export async function rotatePartnerSecret(sequelize: Sequelize, vault: PartnerSecretVault, clientId: string): Promise<string> {
  const secret = generateClientSecret();
  const [rows] = await sequelize.query('update partner_clients set client_secret = :sealed, updated_at = now() where client_id = :id returning client_id', {
    replacements: { id: clientId, sealed: await vault.seal(clientId, secret) },
  });
  if (!(rows as unknown[]).length) throw new PartnerInputError(`No partner with client id "${clientId}" (see portal partner list)`);
  return secret;
}

/** A PostgreSQL array literal of plain strings (origins and URLs hold no quotes or braces). */
function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
