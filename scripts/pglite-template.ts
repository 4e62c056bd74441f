// The embedded database's template (server/db/pglite-template.ts), made unless it exists.
import { ensureTemplate } from '../server/db/make-pglite-template.ts';

const started = Date.now();
const { path, made } = await ensureTemplate();
if (made) console.log(`prepare: embedded database template made in ${((Date.now() - started) / 1000).toFixed(1)} s (${path})`);
