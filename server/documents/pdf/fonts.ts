import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

/**
 * DejaVu Sans (regular + bold): it has ő, ű, Ő, Ű, which the PDF standard fonts (WinAnsi) lack.
 * The bytes are read once per process; the parsed fonts are memoised too, because parsing a
 * 700 KB TrueType file is most of the cost of a small document (about 3x faster with the memo).
 */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

let files: Promise<FontFiles> | undefined;

export function loadFontFiles(): Promise<FontFiles> {
  files ??= Promise.all([readFile(join(FONT_DIR, 'DejaVuSans.ttf')), readFile(join(FONT_DIR, 'DejaVuSans-Bold.ttf'))]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      files = undefined; // let a later call retry
      throw error;
    },
  );
  return files;
}

// Keyed by the (cached, never mutated) byte arrays above. Subsetting builds a new subset per
// document, so sharing the parsed font is safe with one catch: fontkit caches each glyph with
// the characters it was first met as. Subsetting "Ü" pulls in "U" as a component with no
// character, and a later document's text layer would lose every plain "U" (pdftotext shows
// " tasok"). Meeting every character we print once, up front, pins the right mapping.
// (The documents' own embedder, ./fast-font.ts, uses the parsed font only for its cmap and
// metrics and builds the text map from the characters drawn; the warm-up stays for any
// pdf-lib `embedFont` user of `memoFontkit`.)
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

const WARM_UP = [
  [0x20, 0x24f], // Basic Latin … Latin Extended-B (all Hungarian letters, ő ű Ő Ű)
  [0x2010, 0x2044], // dashes, quotes, bullets
  [0x20ac, 0x20ac], // €
  [0x2116, 0x2122], // № ™
]
  .flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCodePoint(from! + i)))
  .join('');

export const memoFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) {
      font = (fontkit as unknown as Fontkit).create(buffer, postscriptName);
      font.glyphsForString(WARM_UP);
      parsed.set(buffer, font);
    }
    return font;
  },
};
