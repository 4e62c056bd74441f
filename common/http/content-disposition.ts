/**
 * `Content-Disposition` for a document: an ASCII fallback `filename` and the real name as
 * RFC 5987/6266 `filename*=UTF-8''…` (Hungarian accents survive).
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const clean = filename.replace(/[\p{Cc}\p{Cf}"\\/]/gu, '_').trim() || 'dokumentum.pdf';
  const ascii = clean
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
