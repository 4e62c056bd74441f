// `npm start`'s server, built once into dist/server/ (by `prepare`, when missing or older than
// its sources) so that a start loads plain JavaScript with Node's own loader: run through tsx,
// every module of the server and of its packages passed tsx's loader hooks, which cost about
// as much again as loading them (half of a restart on this machine). Tests and `npx portal`
// still run the TypeScript through tsx.
//
// One ES module per entry (the server, the IdP thread) plus shared chunks (what the server imports lazily stays lazy);
// packages stay in node_modules. `import.meta.url` keeps naming the source file, so the files
// the code finds beside itself (CSS, the common-password list, the render worker) are found.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { staleReason } from './build-state.mjs';

export const SERVER_OUT = 'dist/server';
export const SERVER_STAMP = `${SERVER_OUT}/.built`;

/** null when dist/server is up to date, else why it is not. */
export function serverStaleReason(root = '.') {
  return staleReason({
    stamp: SERVER_STAMP,
    files: ['package-lock.json', 'scripts/build-server.mjs', 'widgets/i18n/hu-grammar.ts'],
    dirs: ['server', 'idp', 'common'],
    root,
  });
}

const keepSourceUrls = {
  name: 'keep-source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

export async function buildServer() {
  // Imported here: \`prestart\` loads this file at every start only to find the build up to date.
  const esbuild = await import('esbuild');
  await rm(SERVER_OUT, { recursive: true, force: true });
  await esbuild.build({
    // The IdP thread's entry too (server/app/idp-thread/), so that the thread loads plain
    // JavaScript like the rest: through tsx it waited ~0.4 s longer at every start.
    entryPoints: { main: 'server/main.ts', 'idp-thread': 'server/app/idp-thread/idp-thread-main.ts' },
    // Tells the built code that it is built (see server/app/idp-thread/idp-thread.ts).
    define: { __SERVER_BUILD__: 'true' },
    outdir: SERVER_OUT,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [keepSourceUrls],
  });
  await writeFile(SERVER_STAMP, `${new Date().toISOString()}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await buildServer();
  console.log(`build-server: ${SERVER_OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
