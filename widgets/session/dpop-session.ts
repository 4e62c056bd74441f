import type { KeyStore, StoredSession } from './key-store.ts';
import type * as Dpop from 'dpop';

/**
 * The `dpop` library, fetched once a page holds a handle or starts a log-in (a page nobody is
 * logged in on never needs it; one that holds a handle fetches it at once, with the session check).
 */
let library: Promise<typeof Dpop> | undefined;
export const loadDpop = (): Promise<typeof Dpop> => (library ??= import('dpop'));

/**
 * The page's side of the key-bound session (RFC 9449, proofs made by the `dpop` library): it
 * holds the key pair and the handle (kept by a `KeyStore`) and signs a proof for each request.
 * `Authorization: DPoP <handle>` + `DPoP: <proof>` (method, URL without query, time, id, hash of
 * the handle); the redeem of a log-in ticket carries a proof alone, which binds the new session
 * to the key. A `DPoP-Nonce` the API sends back (a clock that is off) signs the proofs after it.
 */
export class DpopSession {
  #stored: StoredSession | undefined;
  #ready: Promise<void> | undefined;
  nonce: string | undefined;

  constructor(readonly store: Promise<KeyStore>) {}

  /** Whether the session outlives this page (false: the key lives in memory only). */
  async persistent(): Promise<boolean> {
    return (await this.store).persistent;
  }

  /** True when a handle is held (a session may exist: ask the API). */
  async hasHandle(): Promise<boolean> {
    await this.#load();
    return !!this.#stored?.handle;
  }

  /** A new non-extractable key pair for a log-in, kept until the ticket is redeemed (also across a redirect). */
  async newKey(): Promise<void> {
    if (!globalThis.crypto?.subtle) throw new Error('webcrypto_unavailable');
    this.#stored = { keys: await (await loadDpop()).generateKeyPair('ES256', { extractable: false }) };
    this.nonce = undefined;
    await (await this.store).save(this.#stored);
  }

  /** The redeemed session's handle, bound to the current key. */
  async bind(handle: string): Promise<void> {
    await this.#load();
    if (!this.#stored) throw new Error('no key to bind');
    this.#stored = { ...this.#stored, handle };
    await (await this.store).save(this.#stored);
  }

  /** Forgets the handle and the key (log-out, or the API says the session is gone). */
  async forget(): Promise<void> {
    this.#stored = undefined;
    await (await this.store).clear();
  }

  /** The headers for `method url`: the handle and a proof, or (`bindKey`, the redeem) a proof alone; none without a key. */
  async headers(method: string, url: string, bindKey = false): Promise<Record<string, string>> {
    await this.#load();
    const stored = this.#stored;
    if (!stored || (!stored.handle && !bindKey)) return {};
    const htu = new URL(url);
    htu.search = '';
    htu.hash = '';
    const handle = bindKey ? undefined : stored.handle;
    const proof = await (await loadDpop()).generateProof(stored.keys, htu.href, method, this.nonce, handle);
    return handle ? { Authorization: `DPoP ${handle}`, DPoP: proof } : { DPoP: proof };
  }

  #load(): Promise<void> {
    this.#ready ??= this.store.then(async (store) => {
      this.#stored ??= await store.load();
      if (this.#stored?.handle) void loadDpop();
    });
    return this.#ready;
  }
}
