// Builds the widget SDK into dist/sdk/ (served by the insurer at /sdk/), in two builds:
//   gp-widgets.js      every element in ONE module (the one script tag a partner needs): one
//                      request, and gzip shares its vocabulary across all widgets
//   gp-<widget>.js     one entry per widget folder, sharing chunks/*.js between them, for pages
//                      that want fewer elements
//   i18n/*.js          the language packs, fetched on demand (one per language shown)
// Loading both kinds on one page is harmless: an element is defined once, by whichever came first,
// and the portal's context key is a registered symbol, so widgets of either build find the portal.
import { readdirSync, rmSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { bundleSizePlugin } from './scripts/bundle-size.mjs';

rmSync('dist/sdk', { recursive: true, force: true });

const widgetEntries = Object.fromEntries(
  readdirSync('widgets/components', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [`gp-${d.name}`, `widgets/components/${d.name}/${d.name}.ts`]),
);

const plugins = (size) => [
  // Browser build of lit (the "development" condition is deliberately not requested).
  nodeResolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.widgets.json', noEmitOnError: true }),
  // Whitespace and comments out of the html`` and css`` templates (terser leaves literals alone).
  minifyHTML(),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  bundleSizePlugin(size),
];

/**
 * The Hungarian grammar travels inside the Hungarian pack's core: the claim form's Hungarian part
 * uses it too, and a chunk of its own would be one more request, after the pack's, on every page.
 * The `dpop` library (signing the session's proofs) is a chunk of its own, fetched by every page
 * that logs in or holds a session.
 */
const manualChunks = (id) => {
  if (/\/widgets\/i18n\/(hu|hu-grammar)\.ts$/.test(id)) return 'hu';
  // Named, so that the standalone page can name it in a modulepreload hint (see server/app/standalone-page.ts).
  if (/\/node_modules\/dpop\//.test(id)) return 'dpop';
  return undefined;
};

/** Language packs get their own folder; other shared code is content-hashed under chunks/. */
const chunkFileNames = (chunk) =>
  chunk.moduleIds.some((id) => /\/widgets\/i18n\/(hu|en)\.ts$/.test(id)) ? 'i18n/[name]-[hash].js' : 'chunks/[name]-[hash].js';

export default [
  {
    input: { 'gp-widgets': 'widgets/index.ts' },
    output: { dir: 'dist/sdk', format: 'es', entryFileNames: '[name].js', chunkFileNames, manualChunks, sourcemap: false },
    // The lazily defined claim form imports shared code from the entry itself: letting the entry
    // export those extra bindings keeps it one file (strict would add a facade and a second request).
    preserveEntrySignatures: 'allow-extension',
    plugins: plugins({ title: 'SDK: the all-in-one bundle', budgetEntry: 'gp-widgets.js', limitBytes: 40 * 1024 }),
  },
  {
    input: widgetEntries,
    output: { dir: 'dist/sdk', format: 'es', entryFileNames: '[name].js', chunkFileNames, manualChunks, sourcemap: false },
    preserveEntrySignatures: 'strict',
    plugins: plugins({ title: 'SDK: one entry per widget (shared chunks)' }),
  },
];
