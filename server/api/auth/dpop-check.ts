import type { Context } from 'hono';
import { DpopProofError, type DpopVerifier } from './dpop-proof.ts';
import { problems } from './problems.ts';

/**
 * The request's DPoP proof checked against this request (`htu` is the API's public URL of the
 * path, whatever host the request came in on), answered as a problem when it fails: 401 with a
 * stable `code`, `WWW-Authenticate: DPoP error=…`, and for a proof that is not fresh a new
 * `DPoP-Nonce` to sign the retry with. Returns the proof key's thumbprint.
 */
export async function checkDpopProof(c: Context, verifier: DpopVerifier, publicUrl: URL, binding: { ath?: string; boundJkt?: string } = {}): Promise<string> {
  const htu = new URL(new URL(c.req.url).pathname, publicUrl).href;
  try {
    return await verifier.verify({ proof: c.req.header('dpop'), method: c.req.method, htu, ...binding });
  } catch (error) {
    if (!(error instanceof DpopProofError)) throw error;
    const errorCode = error.code === 'use_dpop_nonce' ? 'use_dpop_nonce' : 'invalid_dpop_proof';
    c.header('WWW-Authenticate', `DPoP error="${errorCode}", algs="ES256"`);
    if (error.code === 'use_dpop_nonce') c.header('DPoP-Nonce', await verifier.nonce());
    switch (error.code) {
      case 'use_dpop_nonce':
        throw problems.useDpopNonce();
      case 'dpop_key_mismatch':
        throw problems.dpopKeyMismatch();
      case 'dpop_proof_replayed':
        throw problems.dpopProofReplayed();
      default:
        throw problems.invalidDpopProof();
    }
  }
}
