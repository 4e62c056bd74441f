import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../server/documents/index.ts';
import { samples, travelPolicyDocument } from './fixtures.ts';
import { pdfText } from './pdf-text.ts';

// Its own file, so its documents are the first this process renders: the parsed font is shared
// between documents, and the first one decides what the cache holds.
describe('the shared parsed font', () => {
  it('keeps plain letters extractable after a document that only used their accented forms', async () => {
    // The KGFB policy document has "Ü" (Ügyfélszám) but no plain "U"; the travel one needs "U".
    const first = await pdfText(await renderDocument(samples.kotveny));
    expect(first).not.toMatch(/U/);
    expect(first).toContain('Ügyfélszám');
    const travel = await pdfText(await renderDocument(travelPolicyDocument));
    expect(travel).toContain('Utasok száma');
    expect(travel).toContain('Utazás időszaka');
    expect(travel).toContain('Utasbiztosítás');
  });
});
