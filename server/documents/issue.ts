import { createHash } from 'node:crypto';
import { documentFilename, documentTitle } from './naming.ts';
import type { DocumentInput } from './pdf/input.ts';
import type { DocumentTypeCode } from '../kernel/document-types.ts';

/**
 * Everything a `documents` row needs besides its owner: the PDF, its digest (stored so a
 * download can be verified) and the names shown in the mailbox.
 */
export interface IssuedDocument {
  type: DocumentTypeCode;
  title: string;
  filename: string;
  contentType: 'application/pdf';
  content: Buffer;
  sizeBytes: number;
  sha256: string;
  issuedAt: string;
}

export async function issueDocument(input: DocumentInput): Promise<IssuedDocument> {
  // pdf-lib and fontkit take ~1 s to load: only a process that issues a document pays for them, not start-up.
  const { renderDocument } = await import('./pdf/render.ts');
  const bytes = await renderDocument(input);
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    type: input.type,
    title: documentTitle(input),
    filename: documentFilename(input),
    contentType: 'application/pdf',
    content,
    sizeBytes: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    issuedAt: input.issuedAt,
  };
}
