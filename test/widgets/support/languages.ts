// Loads both languages' packs, every part, before a test file runs, so that switching language in
// a test is synchronous. (Lazy loading itself is tested in test/widgets/i18n/packs.test.ts.)
import { loadPack, type TermPart } from '../../../widgets/i18n/packs.ts';

const PARTS: TermPart[] = ['core', 'claimForm', 'profile'];
await Promise.all((['hu', 'en'] as const).flatMap((lang) => PARTS.map((part) => loadPack(lang, part))));
