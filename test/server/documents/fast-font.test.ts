import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocument, type DocumentInput } from '../../../server/documents/index.ts';
import { loadFontFiles } from '../../../server/documents/pdf/fonts.ts';
import { createDocumentRenderer } from '../../../server/documents/delivery/render-pool.ts';
import { customer, samples } from './fixtures.ts';
import { pdfText } from './pdf-text.ts';

const run = promisify(execFile);

interface Glyph {
  path: { commands: unknown[] };
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  advanceWidth: number;
}
interface Font {
  numGlyphs: number;
  getGlyph(id: number): Glyph;
  glyphForCodePoint(codePoint: number): Glyph;
}

/** The policy document of a customer with this name (names are printed in regular and bold). */
function policyDocumentFor(name: string): DocumentInput {
  return { ...samples.kotveny, customer: { ...customer, name } } as DocumentInput;
}

interface EmbeddedFont {
  name: string;
  widths: number[];
  file: Uint8Array;
  /** The ToUnicode CMap: the text each glyph id stands for. */
  unicode: Map<number, string>;
}

/** The CID fonts of a PDF: base name, W array (one run from CID 0) and the inflated TrueType file. */
async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2')) continue;
    const w = object.lookup(PDFName.of('W'), PDFArray);
    expect(w.lookup(0, PDFNumber).asNumber()).toBe(0);
    const widths = w
      .lookup(1, PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    const descriptor = object.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const stream = doc.context.lookup(descriptor.get(PDFName.of('FontFile2')) as PDFRef);
    if (!(stream instanceof PDFRawStream)) throw new Error('FontFile2 is not a stream');
    const type0 = [...doc.context.enumerateIndirectObjects()].find(
      ([, o]) =>
        o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0') && o.get(PDFName.of('BaseFont')) === object.get(PDFName.of('BaseFont')),
    )![1] as PDFDict;
    const cmapStream = doc.context.lookup(type0.get(PDFName.of('ToUnicode')) as PDFRef);
    if (!(cmapStream instanceof PDFRawStream)) throw new Error('ToUnicode is not a stream');
    const unicode = new Map<number, string>();
    for (const [, id, hex] of inflateSync(cmapStream.getContents())
      .toString('latin1')
      .matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/g)) {
      unicode.set(parseInt(id!, 16), String.fromCharCode(...hex!.match(/.{4}/g)!.map((h) => parseInt(h, 16))));
    }
    fonts.push({ name: String(object.get(PDFName.of('BaseFont'))), widths, file: inflateSync(stream.getContents()), unicode });
  }
  return fonts;
}

describe('the embedded font subsets', () => {
  it('are valid TrueType files: each glyph is the original one of its character (composites included), with its width', async () => {
    const fonts = await embeddedFonts(await renderDocument(policyDocumentFor('Dvořák Łukasz Ærø')));
    expect(fonts.map((f) => f.name).sort()).toEqual(['/GPSUBA+DejaVuSans', '/GPSUBB+DejaVuSans-Bold']);
    const files = await loadFontFiles();
    for (const font of fonts) {
      const original = fontkit.create(Buffer.from(font.name.includes('Bold') ? files.bold : files.regular)) as unknown as Font;
      const parsed = fontkit.create(Buffer.from(font.file)) as unknown as Font;
      // Every character the document drew (ő, ű, ř, Ł… are composites in DejaVu) has the outline of the original glyph.
      expect(font.unicode.size).toBeGreaterThan(80);
      for (const [id, text] of font.unicode) {
        const want = original.glyphForCodePoint(text.codePointAt(0)!);
        const got = parsed.getGlyph(id);
        expect({ text, bbox: got.bbox, commands: got.path.commands.length }).toEqual({ text, bbox: want.bbox, commands: want.path.commands.length });
      }
      expect(parsed.numGlyphs).toBe(font.widths.length);
      let drawn = 0;
      for (let id = 0; id < parsed.numGlyphs; id++) {
        const glyph = parsed.getGlyph(id);
        if (glyph.path.commands.length > 0) drawn += 1;
        // The PDF's widths are the glyphs' own advances (DejaVu: 2048 units per em).
        expect(font.widths[id]).toBeCloseTo((glyph.advanceWidth * 1000) / 2048, 2);
      }
      expect(drawn).toBeGreaterThan(80);
    }
  });

  it('carry characters beyond Hungarian (appended to the shared glyph set) as extractable text', async () => {
    const text = await pdfText(await renderDocument(policyDocumentFor('Dvořák Łukasz Ærø')));
    expect(text).toContain('Dvořák Łukasz Ærø');
    expect(text).toContain('Škoda Octavia');
    expect(text).toContain('Kötelező gépjármű-felelősségbiztosítás');
  });

  it('give the same bytes for the same input whatever was rendered in between', async () => {
    const first = await renderDocument(policyDocumentFor('Dvořák Antonín'));
    const other = await renderDocument(policyDocumentFor('Łukasz Żółć'));
    const again = await renderDocument(policyDocumentFor('Dvořák Antonín'));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
    expect(await pdfText(other)).toContain('Łukasz Żółć');
  });

  it('render in poppler without a warning, embedded and with a Unicode map', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gp-fastfont-'));
    try {
      const file = join(dir, 'document.pdf');
      await writeFile(file, await renderDocument(policyDocumentFor('Szűts Ödön Ďurica')));
      const fonts = await run('pdffonts', [file]);
      const rows = fonts.stdout.split('\n').filter((line) => line.startsWith('GPSUB'));
      expect(rows).toHaveLength(2);
      // name, type "CID TrueType", encoding, then emb sub uni: all yes.
      for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const raster = await run('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')]);
      expect(raster.stderr).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keep each document its own text when a batch mixes names with and without extra characters (worker threads)', async () => {
    const names = ['Szőke Ödön', 'Dvořák Antonín', 'Kiss Űrsula', 'Łukasz Żółć', 'Nagy Éva', 'Søren Ærø', 'Dvořák Łucja', 'Tóth Győző'];
    const inputs = names.map((name, i) => {
      const input = policyDocumentFor(name) as Extract<DocumentInput, { type: 'kotveny' }>;
      return { ...input, documentId: `00000000-0000-4000-8000-00000000000${i}`, policy: { ...input.policy, policyNumber: `3100000${10 + i}` } };
    });
    const renderer = createDocumentRenderer({ workers: 2 });
    try {
      const documents = await renderer.render(inputs);
      expect(documents).toHaveLength(names.length);
      for (const [i, document] of documents.entries()) {
        const text = await pdfText(document.content);
        expect(text).toContain(names[i]);
        expect(text).toContain(`3100000${10 + i}`);
        for (const other of names.filter((n) => n !== names[i])) expect(text).not.toContain(other);
      }
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
