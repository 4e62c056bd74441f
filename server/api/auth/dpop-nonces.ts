import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Server nonces for DPoP proofs (RFC 9449 §8), for browsers whose clock is off: a proof whose
 * `iat` is not within the freshness window is answered 401 `use_dpop_nonce` with a `DPoP-Nonce`
 * header, and the client signs its retry with that nonce; the nonce's own age then stands for the
 * proof's. Stateless, so every process accepts every other's: `<issued, base36 seconds>.<HMAC>`,
 * keyed by a key derived from the first of `SESSION_KEYS` (shared by every process).
 */
export class DpopNonces {
  readonly #key: Promise<Buffer>;

  constructor(
    sessionKeys: Promise<string[]>,
    private readonly lifetimeSeconds: number,
  ) {
    this.#key = sessionKeys.then((keys) => createHmac('sha256', keys[0]!).update('gp-dpop-nonce/v1').digest());
    this.#key.catch(() => undefined);
  }

  async issue(now = Date.now()): Promise<string> {
    const issued = Math.floor(now / 1000).toString(36);
    return `${issued}.${await this.#mac(issued)}`;
  }

  /** True for a nonce this product issued less than `lifetimeSeconds` ago. */
  async isFresh(nonce: string, now = Date.now()): Promise<boolean> {
    const match = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/.exec(nonce);
    if (!match) return false;
    const [, issued = '', mac = ''] = match;
    const expected = Buffer.from(await this.#mac(issued));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return false;
    const age = Math.floor(now / 1000) - parseInt(issued, 36);
    return age >= -5 && age <= this.lifetimeSeconds;
  }

  async #mac(issued: string): Promise<string> {
    return createHmac('sha256', await this.#key)
      .update(issued)
      .digest('base64url');
  }
}
