import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { notFound } from '../../common/http/problem.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  // The SDK's TypeScript declarations (/sdk/types/…): partners point their editor at them.
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Reads `relative` under `root`, refusing anything that would leave it. Small files only
 * (pages, bundles): they are read whole.
 */
export async function readStaticFile(root: string, relative: string): Promise<{ body: Buffer; type: string } | null> {
  const decoded = safeDecode(relative);
  if (decoded === null || decoded.includes('\0')) return null;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const type = TYPES[extname(path).toLowerCase()];
  if (!type) return null;
  try {
    return { body: await readFile(path), type };
  } catch {
    return null;
  }
}

export async function sendStatic(c: Context, root: string, relative: string, headers: Record<string, string> = {}) {
  const file = await readStaticFile(root, relative);
  if (!file) throw notFound();
  return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type, ...headers });
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
