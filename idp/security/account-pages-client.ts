import { randomBytes } from 'node:crypto';
import type { ClientMetadata, KoaContextWithOIDC } from 'oidc-provider';
import { PARTNER_CLIENT_AUTH_METHODS } from '../../common/partners/partner-client-metadata.ts';

/**
 * The IdP's own account pages (`/account/security`, `/account/change-password`) as a first-party
 * client of the IdP. Those pages know who is there from the provider's own browser session (see
 * ./account-session.ts); when there is none, or it is too old for a sensitive change, they send
 * the browser through an ordinary authorization request of this client, so the customer logs in
 * on the very same pages (password, then the second step; or a passkey), and the provider sets
 * its session. The code that comes back is never redeemed: the pages need the session, not
 * tokens (PKCE whose verifier nobody keeps, so the code is worth nothing). It authenticates like
 * every client (`client_secret_basic`, the only method the provider allows: issue 15, finding
 * 10), with a secret made per process that nobody holds: the token endpoint is never its way in.
 */
export const ACCOUNT_PAGES_CLIENT_ID = 'gp-account-pages';
export const ACCOUNT_PAGES_CALLBACK = '/account/signed-in';

export function accountPagesClient(publicOrigin: string): ClientMetadata {
  return {
    client_id: ACCOUNT_PAGES_CLIENT_ID,
    client_name: 'Ügyfélportál',
    token_endpoint_auth_method: PARTNER_CLIENT_AUTH_METHODS[0],
    client_secret: randomBytes(32).toString('base64url'),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [`${publicOrigin}${ACCOUNT_PAGES_CALLBACK}`],
  };
}

/** The insurer's own pages ask no consent: a grant of `openid` only, made on the spot. */
export async function accountPagesGrant(ctx: KoaContextWithOIDC) {
  const { provider, client, session } = ctx.oidc;
  if (client?.clientId !== ACCOUNT_PAGES_CLIENT_ID || !session?.accountId) return undefined;
  const grant = new provider.Grant({ accountId: session.accountId, clientId: ACCOUNT_PAGES_CLIENT_ID });
  grant.addOIDCScope('openid');
  await grant.save();
  return grant;
}
