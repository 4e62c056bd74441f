import type { Command } from '../command.ts';
import { migrate, pendingMigrations } from '../../db/migrator.ts';
import { withDatabase } from '../with-database.ts';

export const migrateCommand: Command = {
  summary: 'apply pending database migrations',
  usage: 'Usage: portal migrate [--status]\n\n  --status   list pending migrations without applying them',
  options: { status: { type: 'boolean' } },
  async run(values) {
    await withDatabase(
      async ({ sequelize }) => {
        if (values.status) {
          const pending = await pendingMigrations(sequelize);
          process.stdout.write(pending.length ? `Pending:\n${pending.map((m) => `  ${m}`).join('\n')}\n` : 'Up to date.\n');
          return;
        }
        const applied = await migrate(sequelize);
        process.stdout.write(applied.length ? `Applied:\n${applied.map((m) => `  ${m}`).join('\n')}\n` : 'Up to date: nothing to apply.\n');
      },
      { requireSchema: false },
    );
  },
};
