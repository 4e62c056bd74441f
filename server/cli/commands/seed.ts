import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { loadConfig } from '../../config/config.ts';
import { migrate } from '../../db/migrator.ts';
import { isDatabaseSeeded, seedDemoData } from '../../seed/index.ts';
import { formatDemoLogins } from '../../app/banner.ts';
import { withDatabase } from '../with-database.ts';
import { partnerSecretVault } from '../../app/partner-secrets.ts';

export const seedCommand: Command = {
  summary: 'fill an empty database with deterministic demo data',
  usage:
    'Usage: portal seed\n\nMigrates, then inserts demo customers, policies, invoices, documents and claims.\nRefuses if the database already holds customers.',
  options: {},
  async run() {
    const config = loadConfig();
    await withDatabase(
      async ({ sequelize }) => {
        await migrate(sequelize);
        if (await isDatabaseSeeded(sequelize)) throw new CliError('The database already holds customers: nothing seeded.');
        const started = Date.now();
        const summary = await seedDemoData(sequelize, await partnerSecretVault(config), {
          portalOrigin: config.publicUrl.origin,
          brokerDemoOrigin: config.brokerDemoUrl?.origin,
        });
        process.stdout.write(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:\n`);
        for (const [table, count] of Object.entries(summary.counts)) process.stdout.write(`  ${table.padEnd(22)} ${count}\n`);
        process.stdout.write(`\n${formatDemoLogins()}\n`);
      },
      { requireSchema: false },
    );
  },
};
