import type { Command } from '../command.ts';
import { documentCommand } from './document.ts';
import { mailCommand } from './mail.ts';
import { migrateCommand } from './migrate.ts';
import { partnerCommand } from './partner.ts';
import { seedCommand } from './seed.ts';

export const commands: Record<string, Command> = {
  migrate: migrateCommand,
  seed: seedCommand,
  document: documentCommand,
  mail: mailCommand,
  partner: partnerCommand,
};
