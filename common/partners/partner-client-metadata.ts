/** How a registered partner becomes oidc-provider client metadata. */
export interface PartnerClientRow {
  client_id: string;
  display_name: string;
  logo_url: string | null;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  client_secret: string | null;
  metadata: Record<string, unknown>;
}

/**
 * How partners authenticate at the token, revocation and introspection endpoints: the only
 * method any partner is registered for. The IdP accepts and advertises exactly these.
 */
export const PARTNER_CLIENT_AUTH_METHODS = ['client_secret_basic'] as const;

/**
 * Every partner is a confidential client: the API (the BFF) exchanges codes and refreshes tokens
 * for it, authenticating with `client_secret_basic`. There are no public clients today (no
 * native app exists); a row without a secret — e.g. one seeded before secrets existed — is
 * refused (`undefined`) until `portal partner rotate-secret` gives it one.
 */
export function clientMetadataFromRow(row: PartnerClientRow): Record<string, unknown> | undefined {
  if (!row.client_secret) return undefined;
  return {
    ...row.metadata,
    client_id: row.client_id,
    client_name: row.display_name,
    ...(row.logo_url ? { logo_uri: row.logo_url } : {}),
    redirect_uris: row.redirect_uris,
    post_logout_redirect_uris: row.post_logout_redirect_uris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    application_type: 'web',
    client_secret: row.client_secret,
    token_endpoint_auth_method: PARTNER_CLIENT_AUTH_METHODS[0],
  };
}
