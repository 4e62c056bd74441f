import type { Command } from '../command.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';

export const commands: Record<string, Command> = {
  migrate: migrateCommand,
  seed: seedCommand,
};
