import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../server/db/migrations/index.ts';

// The migrator applies the list in server/db/migrations/index.ts, not whatever lies in the
// folder (the server's build carries no folder to read): a migration file left out of the list
// would never run.
describe('the migration list', () => {
  it('names every migration file of the folder once, in file-name order', () => {
    const files = readdirSync(new URL('../../../server/db/migrations/', import.meta.url))
      .filter((file) => /^\d{4}-[\w-]+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
  });

  it('gives each one an up and a down', () => {
    for (const migration of MIGRATIONS) {
      expect(typeof migration.up, migration.name).toBe('function');
      expect(typeof migration.down, migration.name).toBe('function');
    }
  });
});
