// Sizes of the SDK bundles, minified + gzipped as a browser downloads them.
//
//   node scripts/bundle-size.mjs [dir] [--limit-kb=40]
//
// rollup.config.mjs calls bundleSizePlugin() so every build prints the table and fails when
// the total is over the budget. For each entry it shows the entry file alone and the entry
// with every chunk it imports statically (what a partner page actually loads).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const DEFAULT_LIMIT_BYTES = 40 * 1024;

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * @param {{ fileName: string, code: string, isEntry: boolean, imports: string[] }[]} chunks
 * @param {number} limitBytes
 * @returns {{ report: string, total: number, overLimit: boolean }}
 */
export function measure(chunks, limitBytes = DEFAULT_LIMIT_BYTES) {
  const byName = new Map(chunks.map((c) => [c.fileName, { ...c, gzip: gzipSize(c.code) }]));
  const closure = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const dep of byName.get(name)?.imports ?? []) closure(dep, seen);
    return seen;
  };

  const rows = [];
  for (const chunk of [...byName.values()].sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || a.fileName.localeCompare(b.fileName))) {
    const loaded = chunk.isEntry ? [...closure(chunk.fileName)].reduce((sum, n) => sum + (byName.get(n)?.gzip ?? 0), 0) : undefined;
    rows.push([chunk.isEntry ? 'entry' : 'chunk', chunk.fileName, kb(Buffer.byteLength(chunk.code)), kb(chunk.gzip), loaded === undefined ? '' : kb(loaded)]);
  }
  const total = [...byName.values()].reduce((sum, c) => sum + c.gzip, 0);
  rows.push(['', 'total (all files)', '', kb(total), '']);

  const header = ['', 'file', 'min', 'min+gzip', 'entry + imports (gzip)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  const overLimit = total > limitBytes;
  const report = [line(header), ...rows.map(line), `budget ${kb(limitBytes)}: ${overLimit ? 'EXCEEDED' : 'ok'}`].join('\n');
  return { report, total, overLimit };
}

/** A Rollup plugin that prints the sizes after writing and fails the build over the budget. */
export function bundleSizePlugin({ limitBytes = DEFAULT_LIMIT_BYTES } = {}) {
  return {
    name: 'gp-bundle-size',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((o) => o.type === 'chunk')
        .map((c) => ({ fileName: c.fileName, code: c.code, isEntry: c.isEntry, imports: c.imports }));
      const { report, total, overLimit } = measure(chunks, limitBytes);
      console.log(`\nSDK bundle sizes\n${report}\n`);
      if (overLimit) this.error(`SDK bundles are ${kb(total)} min+gzip, over the ${kb(limitBytes)} budget`);
    },
  };
}

/** Reads a built directory back (CLI use): static imports are found by their `from"./x.js"` specifiers. */
function readDir(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const fileName = relative(dir, path).split('\\').join('/');
    const code = readFileSync(path, 'utf8');
    const base = fileName.split('/').slice(0, -1).join('/');
    const imports = [...code.matchAll(/(?:^|[;\s}])(?:import|export)[^'"();]*?from\s*["'](\.{1,2}\/[^"']+)["']|(?:^|[;\s}])import\s*["'](\.{1,2}\/[^"']+)["']/g)]
      .map((m) => m[1] ?? m[2])
      .map((spec) => new URL(spec, `file:///${base ? `${base}/` : ''}`).pathname.slice(1));
    return { fileName, code, isEntry: !fileName.includes('/'), imports }; // chunks live in chunks/
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist/sdk';
  const limitArg = process.argv.find((a) => a.startsWith('--limit-kb='));
  const limitBytes = limitArg ? Number(limitArg.split('=')[1]) * 1024 : DEFAULT_LIMIT_BYTES;
  const { report, overLimit } = measure(readDir(dir), limitBytes);
  console.log(report);
  process.exitCode = overLimit ? 1 : 0;
}
