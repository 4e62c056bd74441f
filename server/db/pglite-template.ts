import { readFile } from 'node:fs/promises';
import { templatePath } from './pglite-template-path.mjs';

/**
 * A ready-made embedded database: PGlite's data folder right after initdb and every migration,
 * as a tarball. A first start loads it (`loadDataDir`) instead of running initdb in WebAssembly
 * and then the migrations, which was most of a fresh start (about 3 s idle, 15 s under load here).
 *
 * It is made at install (`npm ci` runs `prepare`) and again by `prestart` whenever it is
 * missing; its name carries a hash of the PGlite version and of the migration files, so a new
 * migration or PGlite release simply means a new template. Without one, start-up falls back to
 * initdb + migrations as before: the template only saves time, it never decides anything.
 */
export { templatePath };

/** The template's bytes, or null when none matches this PGlite and these migrations. */
export async function readTemplate(): Promise<Blob | null> {
  try {
    return new Blob([new Uint8Array(await readFile(templatePath()))]);
  } catch {
    return null;
  }
}
