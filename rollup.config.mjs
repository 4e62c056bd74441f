// Builds the widget SDK into dist/sdk/ (served by the insurer at /sdk/):
//   gp-widgets.js     every element (the one script tag a partner needs)
//   gp-<widget>.js    one entry per widget folder, for pages that want fewer elements
//   chunks/*.js       code the entries share (content-hashed: cache them forever)
import { readdirSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { bundleSizePlugin } from './scripts/bundle-size.mjs';

const widgetEntries = Object.fromEntries(
  readdirSync('widgets/components', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [`gp-${d.name}`, `widgets/components/${d.name}/${d.name}.ts`]),
);

export default {
  input: { 'gp-widgets': 'widgets/index.ts', ...widgetEntries },
  output: {
    dir: 'dist/sdk',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: false,
  },
  preserveEntrySignatures: 'strict',
  plugins: [
    // Browser build of lit (the "development" condition is deliberately not requested).
    nodeResolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.widgets.json', noEmitOnError: true }),
    // Whitespace and comments out of the html`` and css`` templates (terser leaves literals alone).
    minifyHTML(),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    bundleSizePlugin({ limitBytes: 40 * 1024 }),
  ],
};
