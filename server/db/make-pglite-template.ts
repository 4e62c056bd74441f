import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { templatePath } from './pglite-template-path.mjs';

/**
 * Makes the template unless it exists: initdb and migrations in a temporary folder, then PGlite's
 * own `dumpDataDir`. Returns its path and whether it was made now.
 */
export async function ensureTemplate(): Promise<{ path: string; made: boolean }> {
  const path = templatePath();
  if (
    await readFile(path).then(
      () => true,
      () => false,
    )
  )
    return { path, made: false };
  const [{ PGlite }, { openDatabase }, { migrate }] = await Promise.all([import('@electric-sql/pglite'), import('./database.ts'), import('./migrator.ts')]);
  const work = await mkdtemp(join(tmpdir(), 'gp-template-'));
  try {
    // Through the product's own connection, so the template is exactly what a first start would make.
    const database = await openDatabase({ dataDir: work });
    try {
      await migrate(database.sequelize);
    } finally {
      await database.close();
    }
    const pg = await PGlite.create(join(work, 'pg'));
    const dump = await pg.dumpDataDir('gzip');
    await pg.close();
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed: a start that reads it meanwhile never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path);
    return { path, made: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
