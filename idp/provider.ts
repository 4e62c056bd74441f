import Provider, { type Configuration } from 'oidc-provider';
import type { Sequelize } from 'sequelize';
import type { IdpKeys } from './keys.ts';
import { sequelizeAdapterFactory } from './storage/sequelize-adapter.ts';

export interface IdpOptions {
  /** `${PUBLIC_URL}/oidc` */
  issuer: string;
  sequelize: Sequelize;
  keys: IdpKeys;
  production: boolean;
}

/**
 * The bundled OpenID provider. Login, consent and registration pages live under
 * `/interaction/:uid` (served by the same process); oidc-provider's built-in development
 * interactions, which accept any username, are switched off.
 */
export function createProvider(options: IdpOptions): Provider {
  const configuration: Configuration = {
    adapter: sequelizeAdapterFactory(options.sequelize),
    jwks: options.keys.jwks as Configuration['jwks'],
    cookies: { keys: options.keys.cookieKeys },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: { openid: ['sub'], profile: ['name', 'locale'], email: ['email', 'email_verified'] },
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 900, Session: 8 * 3600, Grant: 30 * 24 * 3600 },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.production;
  return provider;
}
