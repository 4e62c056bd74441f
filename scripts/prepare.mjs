// Makes what `npm start` needs and does not have yet, and nothing else: run by `npm ci`
// (npm's `prepare`) and again before every `npm start` (`prestart`), where it usually finds
// everything up to date and costs a fraction of a second.
//   dist/sdk/                   the widget SDK (`npm run build`), when missing or older than its sources
//   dist/server/                the server as plain JavaScript (scripts/build-server.mjs), likewise
//   node_modules/.cache/gp-portal/pglite-template-*.tar.gz
//                               the embedded database after initdb and migrations, so a first
//                               start skips both (server/db/pglite-template.ts)
// With DATABASE_URL set, the template is not needed and not made.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sdkStaleReason } from './sdk-state.mjs';
import { buildServer, serverStaleReason } from './build-server.mjs';
import { templatePath } from '../server/db/pglite-template-path.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;
let ok = true;

const stale = sdkStaleReason();
if (stale === null) {
  // Quiet on the usual restart.
} else if (!existsSync('node_modules/rollup')) {
  // `npm ci --omit=dev` (a production image): the SDK comes built from CI, or not at all.
  console.warn(`prepare: dist/sdk is ${stale}, and rollup is not installed (npm ci --omit=dev?): run "npm run build" where the dev dependencies are.`);
} else {
  console.log(`prepare: building the widget SDK (${stale}) …`);
  const started = Date.now();
  ok = run(npm, ['run', 'build', '--silent']) && ok;
  console.log(`prepare: SDK ${ok ? 'built' : 'build FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const serverStale = serverStaleReason();
if (serverStale !== null) {
  const started = Date.now();
  try {
    await buildServer();
    console.log(`prepare: server built (${serverStale}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`prepare: the server build FAILED: ${error.message}`);
    ok = false;
  }
}

// Checked here in plain JavaScript (milliseconds); TypeScript is loaded only to make a missing one.
if (!process.env.DATABASE_URL && !existsSync(templatePath())) {
  ok = run(npx, ['tsx', 'scripts/pglite-template.ts']) && ok;
}
// At install only (npm ci's `prepare`, not every prestart): tsx compiles the server's TypeScript
// once into its cache, so the first `npm start` does not (about 1 s idle, 20 s under load here).
if (ok && process.env.npm_lifecycle_event === 'prepare') {
  ok = run(npx, ['tsx', 'scripts/warm-tsx-cache.ts']) && ok;
}
process.exit(ok ? 0 : 1);
