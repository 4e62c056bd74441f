import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * "a(z)" is what a form letter writes when nobody chose the article: every text the customer
 * reads (widget terms, e-mails, PDFs, the IdP's pages) chooses „a” or „az” with
 * widgets/i18n/hu-grammar.ts instead. This keeps a new text from bringing it back.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where customer-facing Hungarian lives; the grammar itself names "a(z)" to say what it replaces. */
const TEXT_FOLDERS = ['widgets/i18n', 'widgets/components', 'server/notifications/templates', 'server/documents/pdf', 'server/kernel', 'idp'];
const EXEMPT = new Set(['widgets/i18n/hu-grammar.ts']);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js|html)$/.test(e.name)).map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('Hungarian articles', () => {
  it('no text the customer reads says "a(z)" or "A(z)"', async () => {
    const offenders: string[] = [];
    let scanned = 0;
    for (const folder of TEXT_FOLDERS) {
      for (const file of await sourceFiles(folder)) {
        if (EXEMPT.has(file)) continue;
        scanned += 1;
        const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
        lines.forEach((line, i) => {
          if (/(?<![\p{L}])a\s?\(\s?z\s?\)/iu.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(scanned).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
