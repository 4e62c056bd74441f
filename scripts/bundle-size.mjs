// Sizes of the SDK bundles, minified + gzipped as a browser downloads them.
//
// rollup.config.mjs calls bundleSizePlugin() on each of its builds, so every build prints a table
// and fails when the budget is exceeded. For each entry the table shows what a page that loads it
// downloads: the entry, every chunk it imports statically, and ONE language pack (the packs are
// fetched on demand, one per language shown; the largest counts). The budget applies to that
// figure for the all-in-one entry: every widget, Lit included, in one language.
import { gzipSync } from 'node:zlib';

export const DEFAULT_LIMIT_BYTES = 40 * 1024;

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The language packs' cores (rollup.config.mjs names them `i18n/<lang>-<hash>.js`). */
const isLanguagePack = (fileName) => fileName.startsWith('i18n/');

/**
 * What a page loading an entry downloads: the entry with everything it imports statically,
 * plus the core of ONE language pack (the larger), which the first render fetches. Lazily
 * defined widgets (the claim form, the profile) and their parts of the pack arrive only when
 * shown: `lazy` names each with what it adds then.
 *
 * @param {{ fileName: string, code: string, isEntry: boolean, imports: string[], dynamicImports: string[] }[]} chunks
 * @returns {{ rows: string[][], loads: Map<string, number>, lazy: Map<string, Map<string, number>> }}
 */
export function measure(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, { ...c, gzip: gzipSize(c.code) }]));
  const closure = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const bytesOf = (names) => names.reduce((sum, n) => sum + (byName.get(n)?.gzip ?? 0), 0);
  const loads = new Map();
  const lazy = new Map();
  const rows = [];
  for (const chunk of [...byName.values()].sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || a.fileName.localeCompare(b.fileName))) {
    let loaded = '';
    if (chunk.isEntry) {
      const statics = [...closure(chunk.fileName)];
      const extra = (name) => [...closure(name)].filter((m) => !statics.includes(m));
      const dynamic = [...new Set(statics.flatMap((n) => byName.get(n)?.dynamicImports ?? []))];
      const pack = Math.max(0, ...dynamic.filter(isLanguagePack).map((n) => bytesOf(extra(n))));
      const total = bytesOf(statics) + pack;
      loads.set(chunk.fileName, total);
      lazy.set(chunk.fileName, new Map(dynamic.filter((n) => !isLanguagePack(n)).map((n) => [n, bytesOf(extra(n))])));
      loaded = kb(total);
    }
    rows.push([chunk.isEntry ? 'entry' : 'chunk', chunk.fileName, kb(Buffer.byteLength(chunk.code)), kb(chunk.gzip), loaded]);
  }
  rows.push(['', 'all files together', '', kb([...byName.values()].reduce((sum, c) => sum + c.gzip, 0)), '']);
  return { rows, loads, lazy };
}

export function table(rows) {
  const header = ['', 'file', 'min', 'min+gzip', 'a page loads (gzip: entry + one language pack)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * A Rollup plugin that prints the sizes after writing. With `budgetEntry`, it fails the build
 * when what a page loading that entry downloads is over `limitBytes`.
 */
export function bundleSizePlugin({ title, budgetEntry, limitBytes = DEFAULT_LIMIT_BYTES }) {
  return {
    name: 'gp-bundle-size',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((o) => o.type === 'chunk')
        .map((c) => ({ fileName: c.fileName, code: c.code, isEntry: c.isEntry, imports: c.imports, dynamicImports: c.dynamicImports }));
      const { rows, loads, lazy } = measure(chunks);
      let verdict = '';
      if (budgetEntry) {
        const bytes = loads.get(budgetEntry) ?? 0;
        const later = [...(lazy.get(budgetEntry) ?? [])].map(([name, extra]) => `\n  + ${name} when shown: ${kb(extra)}`).join('');
        verdict = `\nbudget: ${budgetEntry} ${kb(bytes)} of ${kb(limitBytes)}: ${bytes > limitBytes ? 'EXCEEDED' : 'ok'}${later}`;
        if (bytes > limitBytes) {
          console.log(`\n${title}\n${table(rows)}${verdict}\n`);
          this.error(`${budgetEntry} loads ${kb(bytes)} min+gzip, over the ${kb(limitBytes)} budget`);
        }
      }
      console.log(`\n${title}\n${table(rows)}${verdict}\n`);
    },
  };
}
