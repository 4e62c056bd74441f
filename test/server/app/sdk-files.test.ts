import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFiles } from '../../../server/app/sdk-files.ts';
import { ProblemError, problemResponse } from '../../../common/http/problem.ts';

// A built SDK in miniature: an entry partners name in their pages, a content-hashed chunk, a pack.
let root: string;
const entry = `import"./chunks/lit-AbCd1234.js";${'customElements.define("gp-x",class extends HTMLElement{});'.repeat(60)}`;
const chunk = 'export const lit = 1;'.repeat(100);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gp-sdk-'));
  await mkdir(join(root, 'chunks'));
  await mkdir(join(root, 'i18n'));
  await writeFile(join(root, 'gp-widgets.js'), entry);
  await writeFile(join(root, 'chunks', 'lit-AbCd1234.js'), chunk);
  await writeFile(join(root, 'i18n', 'hu-Zz9_Yy8-.js'), 'export const hu = {};');
});
afterAll(() => rm(root, { recursive: true, force: true }));

function app(production = false) {
  const a = new Hono();
  a.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error.toProblem()) : c.text('unexpected', 500)));
  a.get('/sdk/*', sdkFiles({ root, production }));
  return a;
}

describe('GET /sdk/*', () => {
  it('marks content-hashed files immutable and revalidates the entries partners name', async () => {
    const hashed = await app().request('/sdk/chunks/lit-AbCd1234.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app().request('/sdk/i18n/hu-Zz9_Yy8-.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app().request('/sdk/gp-widgets.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await app(true).request('/sdk/gp-widgets.js')).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers 304 to a matching If-None-Match, and sends the file again once it changed', async () => {
    const a = app();
    const first = await a.request('/sdk/gp-widgets.js');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await a.request('/sdk/gp-widgets.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await writeFile(join(root, 'gp-widgets.js'), `${entry}//rebuilt`);
    const changed = await a.request('/sdk/gp-widgets.js', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await writeFile(join(root, 'gp-widgets.js'), entry);
  });

  it('compresses with brotli or gzip as the browser accepts, to the same bytes, for any origin', async () => {
    const a = app();
    const br = await a.request('/sdk/gp-widgets.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('access-control-allow-origin')).toBe('*');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(entry.length / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(entry);
    const gz = await a.request('/sdk/gp-widgets.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(entry);
    const plain = await a.request('/sdk/gp-widgets.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(entry);
    // Tiny files go as they are.
    expect((await a.request('/sdk/i18n/hu-Zz9_Yy8-.js', { headers: { 'accept-encoding': 'br' } })).headers.get('content-encoding')).toBeNull();
  });

  it('serves nothing outside the SDK folder', async () => {
    for (const path of ['/sdk/../package.json', '/sdk/%2e%2e/package.json', '/sdk/x%00.js', '/sdk/missing.js']) {
      expect((await app().request(path)).status, path).toBe(404);
    }
  });
});
