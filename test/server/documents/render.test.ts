import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, issueDocument, renderDocument } from '../../../server/documents/index.ts';
import type { DocumentInput, InputOf } from '../../../server/documents/pdf/input.ts';
import { home, kgfb, samples, sampleTypes, travel } from './fixtures.ts';
import { pdfText } from './pdf-text.ts';

describe('document PDFs', () => {
  it.each(sampleTypes)('%s: carries the letterhead, the customer and the type name as real text', async (type) => {
    const input = samples[type];
    const text = await pdfText(await renderDocument(input));
    expect(text).toContain('Gránit Pont Biztosító Zrt.');
    expect(text).toContain(DOCUMENT_TYPES[type].name.hu);
    expect(text).toContain('Ügyfélszám');
    expect(text).toContain(input.customer.customerNumber);
    expect(text).toContain(input.customer.name);
    expect(text).toContain(`Dokumentumazonosító: ${input.documentId}`);
    expect(text).toMatch(/1\/\d+\. oldal/);
  });

  it('renders ő, ű and the other accents of names and terms', async () => {
    const text = await pdfText(await renderDocument(samples.kotveny));
    expect(text).toContain('Kötvény');
    expect(text).toContain('Szőke Erzsébet');
    expect(text).toContain('Győr');
    expect(text).toContain('Kötelező gépjármű-felelősségbiztosítás');
    expect(text).toContain('Közvetítő');
    const company = await pdfText(await renderDocument(samples.kartorteneti_igazolas));
    expect(company).toContain('Fürge Fuvar Kft.');
    expect(company).toContain('Kártörténeti igazolás');
  });

  it('puts the policy terms in the policy document', async () => {
    const text = await pdfText(await renderDocument(samples.kotveny));
    expect(text).toContain('310004217');
    expect(text).toContain('125 400 Ft'); // annual premium
    expect(text).toContain('31 350 Ft'); // quarterly instalment
    expect(text).toContain('2024. 03. 01.');
    expect(text).toContain('AA BC-123');
    expect(text).toContain('Biztos Pont Alkusz Kft.');
    expect(text).toMatch(/Önrész/);
  });

  it('itemises the premium notice (díjbekérő) with due date, total and payment details', async () => {
    const text = await pdfText(await renderDocument(samples.dijbekero));
    expect(text).toContain('Díjbekérő');
    expect(text).toContain('DB-10000042');
    expect(text).toContain('2026. 12. 01. – 2027. 02. 28.');
    expect(text).toMatch(/Fizetendő\s+31 350 Ft/);
    expect(text).toContain('Bankszámlaszám');
    expect(text).toContain('díjnemfizetés');
  });

  it('chooses „a” or „az” by how the number or name that follows is read, never "a(z)"', async () => {
    const read = async (input: DocumentInput) => (await pdfText(await renderDocument(input))).replace(/\s+/g, ' ');
    const renewal = samples.evfordulos_ertesito as InputOf<'evfordulos_ertesito'>;
    const policyDocument = samples.kotveny as InputOf<'kotveny'>;
    expect(await read(samples.biztositasi_igazolas)).toContain(`az ${home.policyNumber} számú`); // ötszáztízmillió…
    expect(await read(samples.modositas_visszaigazolas)).toContain(`a ${kgfb.policyNumber} számú`); // háromszáztízmillió…
    expect(await read(renewal)).toContain(`Tisztelt Ügyfelünk! A ${kgfb.policyNumber} számú`);
    expect(await read({ ...renewal, policy: home })).toContain(`Tisztelt Ügyfelünk! Az ${home.policyNumber} számú`);
    expect(await read(samples.karbejelentes_visszaigazolas)).toContain('rögzítettük a KAR-2026-00031 kárszámon');
    const motor = await read(policyDocument);
    expect(motor).toContain('a Kötelező gépjármű-felelősségbiztosítás Általános Szerződési Feltételei');
    expect(motor).toContain('írjon az ugyfelszolgalat@granitpont.example címre');
    expect(await read({ ...policyDocument, policy: travel })).toContain('az Utasbiztosítás Általános Szerződési Feltételei');
    for (const type of sampleTypes) expect(await read(samples[type]), type).not.toMatch(/\ba\(z\)/i);
  });

  it('writes plain Hungarian: no officialese ("került", "felé történő"), no menu the portal does not have', async () => {
    const texts = await Promise.all(
      sampleTypes.map(async (type) => [type, (await pdfText(await renderDocument(samples[type]))).replace(/\s+/g, ' ')] as const),
    );
    for (const [type, text] of texts) {
      expect(text, type).not.toMatch(/(?<!\p{L})(került|kerül)(?!\p{L})|felé történő|Káraim/u);
    }
    const byType = Object.fromEntries(texts);
    expect(byType.dijigazolas).toMatch(/összesen 46 200 Ft biztosítási díjat fizettek be\./);
    expect(byType.biztositasi_igazolas).toContain('harmadik személynek való bemutatásra szolgál');
    expect(byType.kotveny).toContain('a levélben az ügyfélszámát találja');
  });

  it('lists the claims on the claims-history certificate', async () => {
    const text = await pdfText(await renderDocument(samples.kartorteneti_igazolas));
    expect(text).toContain('KAR-2025-00017');
    expect(text).toContain('Okozott gépjárműkár');
    expect(text).toContain('412 000 Ft');
    expect(text).toContain('2009. évi LXII. törvény');
  });

  it('states a claim-free period when there were no claims', async () => {
    const text = await pdfText(await renderDocument({ ...samples.kartorteneti_igazolas, claims: [] } as typeof samples.kartorteneti_igazolas));
    expect(text.replace(/\s+/g, ' ')).toContain('a szerződésre nem jelentettek kárt (kármentes időszak)');
    expect(text).not.toContain('KAR-2025-00017');
  });

  it('sums a payment receipt over several contracts', async () => {
    const text = await pdfText(await renderDocument(samples.befizetes_igazolas));
    expect(text).toContain('310004217');
    expect(text).toContain('510000815');
    expect(text).toMatch(/Összesen\s+79 950 Ft/);
  });

  it('flows a long description onto more pages and numbers them', async () => {
    const long = samples.karbejelentes_visszaigazolas;
    if (long.type !== 'karbejelentes_visszaigazolas') throw new Error('fixture');
    const description = Array.from({ length: 80 }, (_, i) => `${i + 1}. mondat: a víz a fürdőszobából a szomszédhoz is átfolyt.`).join(' ');
    const pdf = await renderDocument({ ...long, claim: { ...long.claim, description } });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    expect(text).toContain(`${doc.getPageCount()}/${doc.getPageCount()}. oldal`);
    expect(text).toContain('80. mondat');
  });

  it('sets title, language and the issue date as metadata, and is A4', async () => {
    const pdf = await renderDocument(samples.dijbekero);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Díjbekérő – 310004217');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-24T09:30:00.000Z');
    expect(doc.getAuthor()).toBe('Gránit Pont Biztosító Zrt.');
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toContain('hu-HU');
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it('renders the same bytes from the same input', async () => {
    const a = await renderDocument(samples.evfordulos_ertesito);
    const b = await renderDocument(samples.evfordulos_ertesito);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('embeds font subsets only, keeping documents small', async () => {
    for (const type of sampleTypes) {
      const pdf = await renderDocument(samples[type]);
      // Both DejaVu files are ~1.4 MB together; a subset document is a few tens of KB.
      expect(pdf.byteLength).toBeLessThan(60_000);
    }
  });
});

describe('issueDocument', () => {
  it('returns the PDF with its digest, size, mailbox title and an ASCII file name', async () => {
    const issued = await issueDocument(samples.kartorteneti_igazolas);
    expect(issued.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(issued.sizeBytes).toBe(issued.content.byteLength);
    expect(issued.sha256).toBe(createHash('sha256').update(issued.content).digest('hex'));
    expect(issued.title).toBe('Kártörténeti igazolás – 310004217');
    expect(issued.filename).toBe('kartorteneti-igazolas-310004217-2026-11-24.pdf');
    expect(issued.contentType).toBe('application/pdf');
    expect(issued.issuedAt).toBe(samples.kartorteneti_igazolas.issuedAt);
  });

  it("names a payment receipt by its own number and the contracts it settled, never the provider's reference", async () => {
    const issued = await issueDocument(samples.befizetes_igazolas);
    expect(issued.title).toBe('Befizetés igazolása – BF-2026-000123 (310004217, 510000815)');
    expect(issued.title).not.toContain('demo_tx');
    expect(issued.filename).toMatch(/^befizetes-igazolas-BF-2026-000123-2026-11-24\.pdf$/);
  });
});
