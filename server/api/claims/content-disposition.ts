/**
 * `Content-Disposition: attachment` for a stored attachment's name (RFC 6266 + RFC 8187): the
 * UTF-8 name percent-encoded in `filename*`, so accents and any odd character survive and nothing
 * in the name can break out of the header.
 */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
