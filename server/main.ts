import { ConfigError, loadConfig } from './config/config.ts';
import { createLogger } from '../common/http/logger.ts';
import { openDatabase } from './db/database.ts';

/** `npm start`: the whole product in one process. */
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
// The database opens (PGlite: its WebAssembly compiles, off this thread) while the rest of the
// product's code loads: they used to wait for each other.
const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fromTemplate: true });
opening.catch(() => {}); // awaited (and reported) by startPortal
const [{ startPortal }, { printBanner }] = await Promise.all([import('./app/start.ts'), import('./app/banner.ts')]);
let portal;
try {
  portal = await startPortal(config, logger, opening);
} catch (error) {
  process.stderr.write(`Could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
printBanner(portal, config);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting_down', { signal });
    const timer = setTimeout(() => {
      logger.error('shutdown_timeout');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await portal.close();
    process.exit(0);
  });
}
