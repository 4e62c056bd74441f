import { ConfigError, loadConfig } from './config/config.ts';
import { createLogger } from '../common/http/logger.ts';
import { startPortal } from './app/start.ts';
import { printBanner } from './app/banner.ts';

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
let portal;
try {
  portal = await startPortal(config, logger);
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
