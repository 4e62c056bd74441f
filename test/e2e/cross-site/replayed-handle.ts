import type { BrowserWindow } from './customer-browser.ts';

/**
 * What a script left on the broker's page could try once the customer has logged out: the
 * session's handle, sent with a fresh DPoP proof signed by the session's own key. `keep` takes
 * both from the portal's store (IndexedDB `gp-portal`, where the SDK keeps them) into the page's
 * memory before log-out, since log-out clears the store; `send` calls `GET /api/me` with them.
 *
 * The proof is made in the page because the key can sign but never leave it (non-extractable).
 * It is assembled here by hand, as such a script would, not with the SDK's `dpop`: the test
 * stands in for the script, and a proof the API accepts before log-out shows it is well made.
 */
export interface ReplayAnswer {
  status: number;
  /** The problem's `code`, when the answer is a problem. */
  code?: string;
}

const SLOT = '__gpReplay';

export async function keepSessionForReplay(window: BrowserWindow): Promise<void> {
  await runInPage(
    window,
    `(async () => {
      const db = await new Promise((resolve, reject) => {
        const opening = indexedDB.open('gp-portal');
        // No store yet: the SDK never made it; do not make it in its place.
        opening.onupgradeneeded = () => opening.transaction.abort();
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(new Error('the portal has no IndexedDB store on this page'));
      });
      const store = db.transaction('sessions').objectStore('sessions');
      const read = (request) => new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const [bases, sessions] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
      const index = sessions.findIndex((session) => session && session.handle);
      db.close();
      if (index < 0) throw new Error('no session with a handle in the portal\\'s store');
      window.${SLOT}Kept = { apiBase: bases[index], keys: sessions[index].keys, handle: sessions[index].handle };
      return 'kept';
    })()`,
  );
}

export async function sendKeptHandle(window: BrowserWindow): Promise<ReplayAnswer> {
  const answer = await runInPage(
    window,
    `(async () => {
      const { apiBase, keys, handle } = window.${SLOT}Kept;
      const encode = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
      const text = (value) => encode(new TextEncoder().encode(value));
      const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
      const url = apiBase + '/me';
      const ath = encode(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(handle)));
      const claims = { htm: 'GET', htu: url, iat: Math.floor(Date.now() / 1000), jti: crypto.randomUUID(), ath };
      const input = text(JSON.stringify({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } })) + '.' + text(JSON.stringify(claims));
      const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(input));
      const response = await fetch(url, {
        headers: { authorization: 'DPoP ' + handle, dpop: input + '.' + encode(signature), 'x-gp-request': '1', accept: 'application/json, application/problem+json' },
      });
      const body = await response.json().catch(() => ({}));
      return JSON.stringify({ status: response.status, code: typeof body.code === 'string' ? body.code : undefined });
    })()`,
  );
  return JSON.parse(answer) as ReplayAnswer;
}

/**
 * Runs an async expression in the page and waits for its result by polling, which asks of each
 * engine's driver (Playwright, puppeteer over WebDriver BiDi, WebKitWebDriver) only that it read
 * a plain value back.
 */
async function runInPage(window: BrowserWindow, expression: string, timeoutMs = 10_000): Promise<string> {
  const id = `${SLOT}${Math.random().toString(36).slice(2)}`;
  await window.evaluate<null>(
    `(window.${id} = { done: false }, (${expression}).then((value) => (window.${id} = { done: true, value }), (error) => (window.${id} = { done: true, error: String(error && error.message || error) })), null)`,
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await window.evaluate<{ done: boolean; value?: string; error?: string } | null>(`window.${id} ?? null`);
    if (state === null) throw new Error('the page went away (navigated or reloaded) before it answered');
    if (state.done) {
      await window.evaluate<null>(`(delete window.${id}, null)`);
      if (state.error !== undefined) throw new Error(`in the page: ${state.error}`);
      return state.value!;
    }
    if (Date.now() > deadline) throw new Error(`the page did not finish within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
