/** How long a PDF's object URL lives: long enough for the new tab (or the download) to read it. */
export const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Shows a fetched PDF: in a new tab (`window.open`), or, when the browser blocks the new window,
 * as a download through an `<a download>` click. The object URL is revoked after a while.
 * Returns how it was shown.
 */
export function openPdf(blob: Blob, filename: string): 'opened' | 'downloaded' {
  const url = URL.createObjectURL(blob);
  const opened = window.open(url, '_blank');
  if (opened) {
    opened.opener = null;
  } else {
    // Attached for the click (some browsers download only from a link in the document), never painted.
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
  return opened ? 'opened' : 'downloaded';
}

/** A safe file name from a document title: no path or control characters, `.pdf` at the end. */
export function pdfFilename(title: string): string {
  const clean =
    title
      .replace(/[\p{Cc}\p{Cf}"\\/:*?<>|]/gu, '_')
      .trim()
      .slice(0, 120) || 'dokumentum';
  return /\.pdf$/i.test(clean) ? clean : `${clean}.pdf`;
}
