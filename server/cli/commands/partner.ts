import { QueryTypes, type Sequelize } from 'sequelize';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../with-database.ts';
import { loadConfig } from '../../config/config.ts';
import {
  PartnerInputError,
  addPartnerClient,
  listPartnerClients,
  removePartnerClient,
  rotatePartnerSecret,
  type PartnerClientSummary,
} from '../../../common/partners/partner-clients.ts';
import { generateClientSecret } from '../../../common/partners/client-secret.ts';
import { partnerEnds } from '../../app/partner-ends.ts';
import { partnerSecretVault } from '../../app/partner-secrets.ts';
import type { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';

/**
 * `portal partner add|list|remove|rotate-secret`: operations registers broker partners as OIDC
 * clients of the bundled IdP. The client secret is printed once, at `add` / `rotate-secret`.
 */
const USAGE = `Usage:
  portal partner add --client-id <id> --name <display name> --origin <origin> [--origin <origin> …]
                     [--broker-code <CODE>] [--scope broker|all] [--logo-url <https URL>]
  portal partner add --operations --client-id <id> --name <display name>
  portal partner list
  portal partner remove <client id> [--purge]
  portal partner rotate-secret <client id>

add            registers a partner. --origin is each web origin (https://host[:port], no path)
               its pages embed the widgets on; --scope broker (the default) shows only the
               policies of --broker-code's broker (created if new), --scope all every policy
               (the insurer's own portal). The redirect URI is PUBLIC_URL/api/session/callback.
               The generated client secret is printed once: store it now.
               --operations registers an operations client instead: client_credentials only
               (no origins, no redirect URI), its API tokens carry scope admin
               (/api/operations/…, e.g. issuing documents). It never acts for a customer.
list           shows every partner: client id, name, broker, scope, origins, active.
remove         deactivates a partner at once (its logins, tokens and sessions end); its history
               stays. --purge deletes the registration as well.
rotate-secret  gives a partner a new secret (the old one stops working) and prints it once.`;

export const partnerCommand: Command = {
  summary: 'register, list and remove broker partners (OIDC clients)',
  usage: USAGE,
  options: {
    'client-id': { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true },
    'broker-code': { type: 'string' },
    scope: { type: 'string' },
    'logo-url': { type: 'string' },
    purge: { type: 'boolean' },
    operations: { type: 'boolean' },
  },
  async run(values, positionals) {
    const [action, ...rest] = positionals;
    const out = (line = '') => process.stdout.write(`${line}\n`);
    const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
    const clientIdArg = () => {
      const id = rest[0] ?? str('client-id');
      if (!id) throw new CliError(`Which partner? Give its client id.\n\n${USAGE}`, 2);
      return id;
    };
    try {
      switch (action) {
        case 'add': {
          if (rest.length) throw new CliError(`Unexpected argument "${rest[0]}".\n\n${USAGE}`, 2);
          if (values.operations === true) {
            const stray = ['origin', 'broker-code', 'scope', 'logo-url'].find((key) => values[key] !== undefined);
            if (stray) throw new CliError(`--${stray} does not apply to an operations client.`, 2);
            const clientId = str('client-id') ?? '';
            const vault = await partnerSecretVault(loadConfig());
            const secret = await withDatabase(({ sequelize }) => addOperationsClient(sequelize, vault, { clientId, name: str('name') ?? '' }));
            out(`Operations client "${clientId}" registered (client_credentials, scope admin).`);
            out(`  client secret:  ${secret}`);
            out("The secret is shown only now: store it in the operations tooling's secret store.");
            return;
          }
          const config = loadConfig();
          const origins = (values.origin as unknown as string[] | undefined) ?? [];
          const scope = str('scope');
          if (scope !== undefined && scope !== 'broker' && scope !== 'all') throw new CliError(`--scope must be "broker" or "all" (got "${scope}")`, 2);
          const added = await withDatabase(async ({ sequelize }) => {
            const warning = await publicUrlMismatch(sequelize, config.publicUrl, !config.publicUrlSet);
            if (warning) process.stderr.write(`${warning}\n`);
            return addPartnerClient(sequelize, await partnerSecretVault(config), config.publicUrl, {
              clientId: str('client-id') ?? '',
              name: str('name') ?? '',
              origins,
              brokerCode: str('broker-code') ?? null,
              ...(scope ? { scope } : {}),
              logoUrl: str('logo-url') ?? null,
            });
          });
          if (added.brokerCreated) out(`Broker ${str('broker-code')} registered.`);
          out(`Partner "${added.clientId}" registered.`);
          out(`  redirect URI:   ${added.redirectUri}`);
          out(`  client secret:  ${added.clientSecret}`);
          out("The secret is shown only now. The portal's API reads it from the database; give it to a separately deployed API through its secret store.");
          return;
        }
        case 'list': {
          const partners = await withDatabase(({ sequelize }) => listPartnerClients(sequelize));
          out(formatPartners(partners));
          return;
        }
        case 'remove': {
          const clientId = clientIdArg();
          const removed = await withDatabase(({ sequelize }) =>
            removePartnerClient(sequelize, clientId, partnerEnds(sequelize), { purge: values.purge === true }),
          );
          out(
            `Partner "${clientId}" ${removed.purged ? 'deleted' : 'deactivated'}: ${removed.revokedArtefacts} grants/tokens revoked, ${removed.endedSessions} sessions ended.`,
          );
          return;
        }
        case 'rotate-secret': {
          const clientId = clientIdArg();
          const vault = await partnerSecretVault(loadConfig());
          const secret = await withDatabase(({ sequelize }) => rotatePartnerSecret(sequelize, vault, clientId));
          out(`New client secret for "${clientId}": ${secret}`);
          out('The secret is shown only now; the old one no longer works.');
          return;
        }
        default:
          throw new CliError(action ? `Unknown action "${action}".\n\n${USAGE}` : USAGE, 2);
      }
    } catch (error) {
      if (error instanceof PartnerInputError) throw new CliError(error.message);
      if ((error as { parent?: { code?: string } }).parent?.code === '42P01')
        throw new CliError('The database is not migrated yet: run "portal migrate" first.');
      throw error;
    }
  },
};

/**
 * The redirect URI of a new partner is PUBLIC_URL's: a CLI run without the PUBLIC_URL the server
 * has would register a partner whose logins come back to the wrong place. When PUBLIC_URL is
 * left at its default and the partners already registered use another origin, say so.
 */
export async function publicUrlMismatch(sequelize: Sequelize, publicUrl: URL, isDefault: boolean): Promise<string | null> {
  if (!isDefault) return null;
  const rows = await sequelize.query<{ uri: string }>(`select distinct unnest(redirect_uris) as uri from partner_clients where active`, {
    type: QueryTypes.SELECT,
  });
  const others = [...new Set(rows.map((row) => URL.parse(row.uri)?.origin).filter((origin): origin is string => !!origin && origin !== publicUrl.origin))];
  if (!others.length) return null;
  return (
    `Warning: PUBLIC_URL is not set, so this partner's redirect URI uses the default ${publicUrl.origin}, ` +
    `but the partners already registered use ${others.join(', ')}. Run "portal partner add" with the PUBLIC_URL the server runs with.`
  );
}

/**
 * An operations client: a confidential machine client of the insurer (client_credentials only,
 * no origins or redirect URIs, policy scope `all`, no broker) whose tokens for the API carry
 * scope `admin` (`metadata.operations`, see idp/provider.ts). Returns the secret (shown once).
 */
export async function addOperationsClient(sequelize: Sequelize, vault: PartnerSecretVault, input: { clientId: string; name: string }): Promise<string> {
  const clientId = input.clientId.trim();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(clientId)) {
    throw new PartnerInputError(
      `--client-id "${input.clientId}" must be 2–63 characters of lower-case letters, digits and hyphens, starting with a letter or digit`,
    );
  }
  const name = input.name.trim();
  if (!name || name.length > 200) throw new PartnerInputError('--name is required (at most 200 characters)');
  const secret = generateClientSecret();
  const existing = await sequelize.query<{ client_id: string }>('select client_id from partner_clients where client_id = :clientId', {
    replacements: { clientId },
    type: QueryTypes.SELECT,
  });
  if (existing.length) throw new PartnerInputError(`A client "${clientId}" is already registered.`);
  await sequelize.query(
    `insert into partner_clients (client_id, broker_id, display_name, origins, redirect_uris, policy_scope, client_secret, metadata)
     values (:clientId, null, :name, '{}', '{}', 'all', :secret, cast(:metadata as jsonb))`,
    {
      replacements: {
        clientId,
        name,
        secret: await vault.seal(clientId, secret),
        metadata: JSON.stringify({ operations: true, grant_types: ['client_credentials'] }),
      },
    },
  );
  return secret;
}

export function formatPartners(partners: readonly PartnerClientSummary[]): string {
  if (!partners.length) return 'No partners registered.';
  const rows = [
    ['CLIENT ID', 'NAME', 'BROKER', 'SCOPE', 'ACTIVE', 'ORIGINS'],
    ...partners.map((p) => [p.clientId, p.name, p.brokerCode ?? '-', p.scope, p.active ? (p.hasSecret ? 'yes' : 'no secret') : 'no', p.origins.join(' ')]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
