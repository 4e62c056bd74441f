import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, Handler } from 'hono';
import { notFound } from '../../common/http/problem.ts';
import { readStaticFile } from '../http/static-files.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * GET /sdk/*: the built widget bundles, for partner pages on other sites.
 *
 * - Files whose name carries rollup's content hash (`chunks/x-AbCd1234.js`, `i18n/hu-AbCd1234.js`)
 *   never change under that name: `immutable`, a year. A returning visitor's browser asks for
 *   none of them again.
 * - The rest (the entries `gp-*.js` whose names partners put in their pages, the manifest, the
 *   declarations) are revalidated: an ETag, answered 304 when unchanged (and cached five minutes
 *   in production).
 * - Compressed with brotli (or gzip) once per file version and kept in this handler's memory:
 *   gp-widgets.js is 108 KB as built, 32 KB as brotli (33 KB gzip).
 */
export interface SdkFilesOptions {
  root: string;
  production: boolean;
}

const HASHED = /^(?:chunks|i18n)\/[^/]+-[A-Za-z0-9_-]{8}\.js$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Below this, compressing costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;

interface Prepared {
  etag: string;
  raw: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
}

export function sdkFiles(options: SdkFilesOptions): Handler {
  // Per file path: the last version seen, compressed. Rebuilt when the file's bytes change (a rebuild in development).
  const prepared = new Map<string, Promise<Prepared>>();
  const revalidate = options.production ? 'public, max-age=300' : 'no-cache';

  async function prepare(relative: string, raw: Buffer): Promise<Prepared> {
    const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
    const known = await prepared.get(relative)?.catch(() => null);
    if (known?.etag === etag) return known;
    const next = (async (): Promise<Prepared> => {
      if (raw.length < MIN_COMPRESS_BYTES) return { etag, raw, br: null, gzip: null };
      const [br, gz] = await Promise.all([
        // Quality 5: ~30 ms for gp-widgets.js and within 8 % of quality 11's size (which takes ~1 s, at a page's first request).
        brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        gzipAsync(raw, { level: 9 }),
      ]);
      return { etag, raw, br, gzip: gz };
    })();
    prepared.set(relative, next);
    return next;
  }

  return async function sdkFileHandler(c: Context) {
    const relative = c.req.path.slice('/sdk/'.length);
    const file = await readStaticFile(options.root, relative);
    if (!file) throw notFound();
    const version = await prepare(relative, file.body);
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      // Bundles are loaded cross-origin by partner pages (module scripts are CORS requests).
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': HASHED.test(relative) ? IMMUTABLE : revalidate,
      ETag: version.etag,
      Vary: 'Accept-Encoding',
    };
    if (
      c.req
        .header('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim().replace(/^W\//, '') === version.etag)
    ) {
      return c.body(null, 304, headers);
    }
    const accepts = (c.req.header('accept-encoding') ?? '').toLowerCase();
    if (version.br && /\bbr\b/.test(accepts)) return c.body(new Uint8Array(version.br), 200, { ...headers, 'Content-Encoding': 'br' });
    if (version.gzip && /\bgzip\b/.test(accepts)) return c.body(new Uint8Array(version.gzip), 200, { ...headers, 'Content-Encoding': 'gzip' });
    return c.body(new Uint8Array(version.raw), 200, headers);
  };
}
