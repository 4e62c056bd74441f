import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database.ts';
import { useIdp } from './provider-harness.ts';

/**
 * Issue 15, finding 10: the IdP authenticates partners only the way they are registered
 * (client_secret_basic), and its discovery document advertises only that.
 */
const db = useTestDatabase();
const idp = useIdp(db);

/** A code exchange with a code that never existed: the client is authenticated before the code is looked at. */
function exchange(form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: 'no-such-code',
      redirect_uri: idp.fixtures.redirectUri,
      code_verifier: 'v'.repeat(43),
      ...form,
    }),
  });
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('client authentication at the token endpoint', () => {
  it('discovery advertises exactly client_secret_basic', async () => {
    const metadata = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic']);
    for (const [name, value] of Object.entries(metadata)) {
      if (name.endsWith('_auth_methods_supported')) expect(value, name).toEqual(['client_secret_basic']);
    }
  });

  it('refuses client_secret_post with invalid_client, even with the right secret', async () => {
    const response = await exchange({ client_id: idp.fixtures.clientId, client_secret: idp.fixtures.clientSecret });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('refuses a client with no authentication at all (none)', async () => {
    const response = await exchange({ client_id: idp.fixtures.clientId });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('accepts client_secret_basic: the client is authenticated and only the made-up code is refused', async () => {
    const response = await exchange({}, { authorization: basic(idp.fixtures.clientId, idp.fixtures.clientSecret) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });
});
