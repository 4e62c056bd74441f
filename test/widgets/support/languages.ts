// Loads both language packs before a test file runs, so that switching language in a test is
// synchronous. (Lazy loading itself is tested in test/widgets/i18n/packs.test.ts.)
import { loadPack } from '../../../widgets/i18n/packs.ts';

await Promise.all([loadPack('hu'), loadPack('en')]);
