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

export function clientMetadataFromRow(row: PartnerClientRow): Record<string, unknown> {
  return {
    ...row.metadata,
    client_id: row.client_id,
    client_name: row.display_name,
    ...(row.logo_url ? { logo_uri: row.logo_url } : {}),
    redirect_uris: row.redirect_uris,
    post_logout_redirect_uris: row.post_logout_redirect_uris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    // The API (the BFF) is the confidential client acting for the partner.
    ...(row.client_secret
      ? { client_secret: row.client_secret, token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
  };
}
