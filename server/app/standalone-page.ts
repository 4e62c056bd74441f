import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Handler } from 'hono';
import { notFound } from '../../common/http/problem.ts';
import { readStaticFile } from '../http/static-files.ts';

/** Where the page asks for the hints (an HTML comment: the file still works opened as it is). */
const PRELOADS_MARKER = '<!-- sdk-preloads -->';

/**
 * The SDK files every visit of the standalone page fetches after the entry, found by their
 * built names (rollup adds a content hash): the Hungarian core pack (the page's language) and the
 * `dpop` library (log-in and session). A hint lets the browser fetch them beside the entry,
 * instead of once the entry has run and asked for them.
 */
const PRELOADED = [
  { folder: 'i18n', name: /^hu-[A-Za-z0-9_-]{8}\.js$/ },
  { folder: 'chunks', name: /^dpop-[A-Za-z0-9_-]{8}\.js$/ },
];

/** `<link rel="modulepreload">` for each of them that the build holds (looked up per request: a rebuild renames them). */
async function sdkPreloadLinks(sdkRoot: string): Promise<string> {
  const links: string[] = [];
  for (const { folder, name } of PRELOADED) {
    const files = await readdir(join(sdkRoot, folder)).catch(() => [] as string[]);
    const file = files.find((candidate) => name.test(candidate));
    if (file) links.push(`<link rel="modulepreload" href="/sdk/${folder}/${file}">`);
  }
  return links.join('\n    ');
}

/** GET /: the insurer's standalone portal page, with the SDK's preload hints in place of the marker. */
export function standalonePage(options: { pageRoot: string; sdkRoot: string; headers: Record<string, string> }): Handler {
  return async (c: Context) => {
    const file = await readStaticFile(options.pageRoot, 'index.html');
    if (!file) throw notFound();
    const html = file.body.toString('utf8').replace(PRELOADS_MARKER, await sdkPreloadLinks(options.sdkRoot));
    return c.body(html, 200, { 'Content-Type': file.type, ...options.headers });
  };
}
