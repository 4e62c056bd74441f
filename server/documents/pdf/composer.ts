import { PDFDocument, type Color, type PDFFont } from 'pdf-lib';
import { INSURER } from '../../../common/insurer.ts';
import { PageCanvas } from './canvas.ts';
import { embedFastFont } from './fast-font.ts';
import { loadFontFiles } from './fonts.ts';
import { A4, COLORS, CONTENT_WIDTH, MARGIN, drawFooter, drawLetterhead, type Fonts } from './layout.ts';

/**
 * Flows content down A4 pages: wraps text, breaks pages (repeating a table's header), and on
 * `save()` stamps every footer (which needs the page count) and the metadata.
 */
export interface ComposerMeta {
  title: string;
  subject: string;
  documentId: string;
  /** ISO timestamp; also the PDF's creation and modification date, so output is reproducible. */
  issuedAt: string;
  keywords?: string[];
}

export interface TextOptions {
  size?: number;
  bold?: boolean;
  color?: Color;
  indent?: number;
  gapAfter?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

const LEADING = 1.38;
// Word widths at size 1, by embedded font name (fixed per face, see `create`).
const WIDTHS = new Map<string, Map<string, number>>();

export class PdfComposer {
  private page!: PageCanvas;
  private readonly pages: PageCanvas[] = [];
  private y = 0;

  private constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    private readonly meta: ComposerMeta,
  ) {}

  static async create(meta: ComposerMeta): Promise<PdfComposer> {
    // No automatic metadata: pdf-lib would stamp "now" and its own producer.
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const files = await loadFontFiles();
    // Fixed subset names (pdf-lib would add a random-looking suffix) keep the bytes reproducible.
    // The fast embedder (./fast-font.ts) replaces pdf-lib's `embedFont(…, { subset: true })`.
    const regular = embedFastFont(pdf, files.regular, 'GPSUBA+DejaVuSans');
    const bold = embedFastFont(pdf, files.bold, 'GPSUBB+DejaVuSans-Bold');
    const composer = new PdfComposer(pdf, { regular, bold }, meta);
    composer.newPage();
    return composer;
  }

  newPage(): void {
    const first = this.pages.length === 0;
    this.page = new PageCanvas(this.pdf.addPage([A4.width, A4.height]));
    this.pages.push(this.page);
    this.y = drawLetterhead(this.page, this.fonts, first);
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  spacer(height: number): void {
    this.y -= height;
  }

  font(bold?: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /**
   * Text width at `size`. Shaping a string in fontkit is the costly part of a document, so the
   * width of each word is measured once per process and a line's width is the sum of its words.
   */
  measure(text: string, font: PDFFont, size: number): number {
    let cache = WIDTHS.get(font.name);
    if (!cache || cache.size > 50_000) WIDTHS.set(font.name, (cache = new Map()));
    let total = 0;
    const words = text.split(' ');
    for (const word of words) {
      let width = cache.get(word);
      if (width === undefined) cache.set(word, (width = font.widthOfTextAtSize(word, 1)));
      total += width;
    }
    let space = cache.get(' ');
    if (space === undefined) cache.set(' ', (space = font.widthOfTextAtSize(' ', 1)));
    return (total + space * (words.length - 1)) * size;
  }

  /** Greedy word wrap; a word wider than the line is cut by characters. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.measure(candidate, font, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (this.measure(line, font, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? 9.5;
    const font = this.font(options.bold);
    const indent = options.indent ?? 0;
    for (const line of this.wrap(text, font, size, CONTENT_WIDTH - indent)) {
      this.ensure(size * LEADING);
      this.y -= size * LEADING;
      this.page.drawText(line, { x: MARGIN.left + indent, y: this.y, size, font, color: options.color ?? COLORS.text });
    }
    this.y -= options.gapAfter ?? 4;
  }

  /** The document's big title with an optional second line (product, period…). */
  title(main: string, sub?: string): void {
    this.ensure(50);
    this.y -= 22;
    this.page.drawText(main, { x: MARGIN.left, y: this.y, size: 18, font: this.fonts.bold, color: COLORS.brand });
    if (sub) this.text(sub, { size: 10.5, bold: true, gapAfter: 0 });
    this.y -= 10;
  }

  section(heading: string): void {
    this.ensure(40);
    this.y -= 12;
    this.text(heading, { size: 11, bold: true, color: COLORS.brand, gapAfter: 2 });
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y + 1 },
      end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y + 1 },
      thickness: 0.5,
      color: COLORS.rule,
    });
    this.y -= 4;
  }

  /** Label–value rows ("Ügyfélszám: 12345678"), the value wrapping in its own column. */
  fields(rows: readonly (readonly [string, string])[], labelWidth = 170): void {
    const size = 9.5;
    const valueWidth = CONTENT_WIDTH - labelWidth;
    for (const [label, value] of rows) {
      const lines = this.wrap(value, this.fonts.bold, size, valueWidth);
      this.ensure(lines.length * size * LEADING);
      this.page.drawText(label, { x: MARGIN.left, y: this.y - size * LEADING, size, font: this.fonts.regular, color: COLORS.muted });
      for (const line of lines) {
        this.y -= size * LEADING;
        this.page.drawText(line, { x: MARGIN.left + labelWidth, y: this.y, size, font: this.fonts.bold, color: COLORS.text });
      }
      this.y -= 1.5;
    }
    this.y -= 4;
  }

  /** A ruled table; the header repeats on each page; `totals` is a bold closing row. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], totals?: readonly string[]): void {
    const size = 8.5;
    const pad = 4;
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const drawRow = (cells: readonly string[], bold: boolean, fill?: Color) => {
      const font = bold ? this.fonts.bold : this.fonts.regular;
      const wrapped = cells.map((cell, i) => this.wrap(cell, font, size, (widths[i] ?? 0) - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * size * LEADING + 2 * pad;
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        if (!fill)
          drawRow(
            columns.map((c) => c.header),
            true,
            COLORS.brandLight,
          );
      }
      const top = this.y;
      if (fill) this.page.drawRectangle({ x: MARGIN.left, y: top - height, width: CONTENT_WIDTH, height, color: fill });
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        const width = widths[i] ?? 0;
        lines.forEach((line, n) => {
          const lineWidth = this.measure(line, font, size);
          const lx = columns[i]?.align === 'right' ? x + width - pad - lineWidth : x + pad;
          this.page.drawText(line, { x: lx, y: top - pad - (n + 1) * size * LEADING + 2, size, font, color: COLORS.text });
        });
        x += width;
      });
      this.y = top - height;
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y },
        thickness: 0.4,
        color: COLORS.rule,
      });
    };
    this.ensure(60);
    drawRow(
      columns.map((c) => c.header),
      true,
      COLORS.brandLight,
    );
    for (const row of rows) drawRow(row, false);
    if (totals) drawRow(totals, true);
    this.y -= 8;
  }

  /** The window-envelope address block on the left, the reference fields on the right. */
  addressBlock(addressLines: readonly string[], references: readonly (readonly [string, string])[]): void {
    const top = this.y;
    addressLines.forEach((line, i) => {
      this.page.drawText(line, {
        x: MARGIN.left,
        y: top - 12 - i * 13,
        size: 10,
        font: i === 0 ? this.fonts.bold : this.fonts.regular,
        color: COLORS.text,
      });
    });
    const x = MARGIN.left + CONTENT_WIDTH * 0.58;
    references.forEach(([label, value], i) => {
      const y = top - 12 - i * 13;
      this.page.drawText(`${label}:`, { x, y, size: 8.5, font: this.fonts.regular, color: COLORS.muted });
      const width = this.measure(value, this.fonts.bold, 8.5);
      this.page.drawText(value, { x: MARGIN.left + CONTENT_WIDTH - width, y, size: 8.5, font: this.fonts.bold, color: COLORS.text });
    });
    this.y = top - 12 - Math.max(addressLines.length, references.length) * 13 - 14;
  }

  async save(): Promise<Uint8Array> {
    const pages = this.pages;
    pages.forEach((page, i) => {
      drawFooter(page, this.fonts, this.meta.documentId, i + 1, pages.length);
      page.finish(this.pdf);
    });
    const issued = new Date(this.meta.issuedAt);
    this.pdf.setTitle(this.meta.title, { showInWindowTitleBar: true });
    this.pdf.setSubject(this.meta.subject);
    this.pdf.setAuthor(INSURER.name);
    this.pdf.setCreator(`${INSURER.shortName} Ügyfélportál`);
    this.pdf.setProducer('gp-portal documents (pdf-lib)');
    this.pdf.setLanguage('hu-HU');
    this.pdf.setKeywords(this.meta.keywords ?? []);
    this.pdf.setCreationDate(issued);
    this.pdf.setModificationDate(issued);
    // Plain cross-reference table: object streams would deflate the small objects again, in JavaScript (pako).
    return this.pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
  }
}
