import { rgb, type PDFFont } from 'pdf-lib';
import type { PageCanvas } from './canvas.ts';
import { INSURER } from '../../../common/insurer.ts';

/**
 * The shared page: A4, the insurer's letterhead on the first page (a compact one after), and a
 * footer with the company details, the document id and "n/m. oldal" on every page.
 */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 56, right: 56, top: 56, bottom: 72 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const COLORS = {
  brand: rgb(0.106, 0.306, 0.341),
  brandLight: rgb(0.9, 0.94, 0.945),
  text: rgb(0.13, 0.13, 0.13),
  muted: rgb(0.42, 0.42, 0.42),
  rule: rgb(0.78, 0.8, 0.8),
  warning: rgb(0.62, 0.12, 0.1),
} as const;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws the letterhead; returns the y where content may start. */
export function drawLetterhead(page: PageCanvas, fonts: Fonts, first: boolean): number {
  const top = A4.height;
  page.drawRectangle({ x: 0, y: top - 8, width: A4.width, height: 8, color: COLORS.brand });
  if (!first) {
    page.drawText(INSURER.name, { x: MARGIN.left, y: top - 36, size: 9, font: fonts.bold, color: COLORS.brand });
    rule(page, top - 46);
    return top - 64;
  }
  page.drawText(INSURER.name, { x: MARGIN.left, y: top - 44, size: 16, font: fonts.bold, color: COLORS.brand });
  page.drawText('Ügyfélportál · Levelezés', { x: MARGIN.left, y: top - 60, size: 8.5, font: fonts.regular, color: COLORS.muted });
  const lines = [INSURER.address, `Telefon: ${INSURER.phone}`, INSURER.email, INSURER.web];
  lines.forEach((line, i) => {
    const width = fonts.regular.widthOfTextAtSize(line, 8);
    page.drawText(line, { x: A4.width - MARGIN.right - width, y: top - 32 - i * 10.5, size: 8, font: fonts.regular, color: COLORS.muted });
  });
  rule(page, top - 82);
  return top - 100;
}

export function drawFooter(page: PageCanvas, fonts: Fonts, documentId: string, pageNumber: number, pageCount: number): void {
  const y = MARGIN.bottom - 30;
  rule(page, y + 20);
  const company = `${INSURER.name} · Székhely: ${INSURER.address} · ${INSURER.registrationNumber} · Adószám: ${INSURER.taxNumber}`;
  page.drawText(company, { x: MARGIN.left, y: y + 8, size: 7, font: fonts.regular, color: COLORS.muted });
  page.drawText(`Dokumentumazonosító: ${documentId}`, { x: MARGIN.left, y: y - 3, size: 7, font: fonts.regular, color: COLORS.muted });
  const numbering = `${pageNumber}/${pageCount}. oldal`;
  const width = fonts.regular.widthOfTextAtSize(numbering, 7);
  page.drawText(numbering, { x: A4.width - MARGIN.right - width, y: y - 3, size: 7, font: fonts.regular, color: COLORS.muted });
}

function rule(page: PageCanvas, y: number): void {
  page.drawLine({ start: { x: MARGIN.left, y }, end: { x: A4.width - MARGIN.right, y }, thickness: 0.6, color: COLORS.rule });
}
