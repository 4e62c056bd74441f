// Where the embedded database's template lives and what it is called (see pglite-template.ts).
// Plain JavaScript so that `prestart` (scripts/prepare.mjs) can tell in a few milliseconds,
// without loading TypeScript, whether the template exists.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** node_modules/.cache/gp-portal/pglite-template-<hash of the PGlite version and the migration files>.tar.gz */
export function templatePath() {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'));
  hash.update(`pglite ${pglite.version}\n`);
  const migrations = join(ROOT, 'server', 'db', 'migrations');
  for (const file of readdirSync(migrations).sort()) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(join(migrations, file)));
  }
  return join(ROOT, 'node_modules', '.cache', 'gp-portal', `pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}
