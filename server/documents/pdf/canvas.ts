import { deflateSync } from 'node:zlib';
import { encodeHex } from './fast-font.ts';
import { PDFName, PDFRawStream, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * One page's content stream, written as PDF operators directly (text, lines, filled
 * rectangles: all the documents draw). pdf-lib's `page.drawText` builds an object per operator
 * and operand and validates each option; for thousands of documents that was a large share of
 * the CPU time and of the garbage. `finish()` deflates the operators with node's zlib and
 * attaches them, and the fonts used, to the page.
 */
export interface TextStyle {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
}

export interface LineStyle {
  start: { x: number; y: number };
  end: { x: number; y: number };
  thickness: number;
  color: Color;
}

export interface RectangleStyle {
  x: number;
  y: number;
  width: number;
  height: number;
  color: Color;
}

/** A number as a PDF operand: at most 3 decimals, never in exponent form. */
function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

function rgb(color: Color): string {
  if (color.type !== 'RGB') throw new Error(`only RGB colours are supported, got ${color.type}`);
  return `${num(color.red)} ${num(color.green)} ${num(color.blue)}`;
}

export class PageCanvas {
  private readonly ops: string[] = [];
  private readonly fontNames = new Map<PDFFont, string>();

  constructor(readonly page: PDFPage) {}

  private fontName(font: PDFFont): string {
    let name = this.fontNames.get(font);
    if (!name) this.fontNames.set(font, (name = `F${this.fontNames.size + 1}`));
    return name;
  }

  drawText(text: string, style: TextStyle): void {
    const hex = encodeHex(style.font, text);
    this.ops.push(`BT ${rgb(style.color)} rg /${this.fontName(style.font)} ${num(style.size)} Tf ${num(style.x)} ${num(style.y)} Td <${hex}> Tj ET`);
  }

  drawLine(style: LineStyle): void {
    this.ops.push(
      `q ${rgb(style.color)} RG ${num(style.thickness)} w ${num(style.start.x)} ${num(style.start.y)} m ${num(style.end.x)} ${num(style.end.y)} l S Q`,
    );
  }

  drawRectangle(style: RectangleStyle): void {
    this.ops.push(`q ${rgb(style.color)} rg ${num(style.x)} ${num(style.y)} ${num(style.width)} ${num(style.height)} re f Q`);
  }

  /** Attaches the content (deflated) and the font resources to the page. */
  finish(pdf: PDFDocument): void {
    const context = pdf.context;
    const contents = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'));
    const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length: contents.length }), contents);
    this.page.node.set(PDFName.of('Contents'), context.register(stream));
    for (const [font, name] of this.fontNames) this.page.node.setFontDictionary(PDFName.of(name), font.ref);
  }
}
