import { createHash } from 'node:crypto';
import type { Problems } from '../../kernel/problems.ts';

/**
 * Files attached to a claim (photos of the damage, a police report, invoices). The type is
 * read from the bytes (magic numbers), never trusted from the name or the browser: a `.jpg`
 * whose bytes are a PNG, a PDF or anything else is refused. Names are cleaned: no folder
 * parts, no control or format characters, no characters Windows forbids, limited length, the
 * extension matching the real type.
 */
export const ATTACHMENT_LIMITS = {
  maxFiles: 10,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 25 * 1024 * 1024,
  maxFilenameLength: 100,
  /** Files added later (server/domain/claims/add-attachments.ts) come within the same limits per upload; a claim holds at most this many. */
  maxFilesPerClaim: 30,
} as const;

export type AttachmentContentType = 'image/jpeg' | 'image/png' | 'application/pdf';

export const ATTACHMENT_TYPES: Readonly<Record<AttachmentContentType, { extensions: readonly string[]; magic: readonly number[] }>> = {
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  'image/png': { extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'application/pdf': { extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
};

export interface AttachmentInput {
  filename: string;
  content: Uint8Array;
  /** What the browser claimed; ignored (the bytes decide), kept for the caller's convenience. */
  contentType?: string;
}

export interface ValidAttachment {
  filename: string;
  contentType: AttachmentContentType;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
}

/** The real type of the bytes, or null when it is none of the accepted ones. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | null {
  for (const [type, { magic }] of Object.entries(ATTACHMENT_TYPES) as [AttachmentContentType, { magic: readonly number[] }][]) {
    if (bytes.byteLength >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The cleaned name split in base and lower-case extension (without the dot; '' when none).
 * Folder parts (`../../etc/`, `C:\\x\\`) are dropped, leaving the last segment.
 */
export function cleanFilename(name: string): { base: string; extension: string } {
  let n = name.normalize('NFC').replace(UNSAFE, '');
  n = n.split(/[/\\]/).pop() ?? '';
  n = n
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = n.lastIndexOf('.');
  const base = (dot > 0 ? n.slice(0, dot) : n).replace(/[\s.]+$/g, '');
  const extension = dot > 0 ? n.slice(dot + 1).toLowerCase() : '';
  return { base: WINDOWS_DEVICE.test(base) ? `_${base}` : base, extension };
}

function truncate(base: string, max: number): string {
  const chars = [...base];
  return chars.length <= max ? base : chars.slice(0, max).join('').trimEnd();
}

/**
 * Checks the attachments; adds a problem per bad file (field `attachments[i]…`). A name in
 * `taken` (a file the claim already has) is not given again: `photo (2).jpg`.
 */
export function validateAttachments(input: unknown, problems: Problems, taken: Iterable<string> = []): ValidAttachment[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) {
    problems.add('invalid_attachments', 'attachments', 'not_a_list', 'Attachments are a list of files.');
    return [];
  }
  if (input.length > ATTACHMENT_LIMITS.maxFiles) {
    problems.add('too_many_attachments', 'attachments', 'too_many', `At most ${ATTACHMENT_LIMITS.maxFiles} files.`);
    return [];
  }
  const out: ValidAttachment[] = [];
  const used = new Set<string>([...taken].map((name) => name.toLowerCase()));
  let total = 0;
  input.forEach((item: unknown, i) => {
    const field = `attachments[${i}]`;
    const file = item as Partial<AttachmentInput> | null;
    if (!file || typeof file !== 'object' || !(file.content instanceof Uint8Array)) {
      problems.add('invalid_attachments', field, 'no_content', 'The file has no content.');
      return;
    }
    if (typeof file.filename !== 'string' || file.filename.length > 1000) {
      problems.add('invalid_attachment_name', `${field}.filename`, 'invalid', 'The file needs a name.');
      return;
    }
    const size = file.content.byteLength;
    total += size;
    if (size === 0) {
      problems.add('attachment_empty', field, 'empty', 'The file is empty.');
      return;
    }
    if (size > ATTACHMENT_LIMITS.maxFileBytes) {
      problems.add('attachment_too_large', field, 'too_large', `A file may be at most ${ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
      return;
    }
    const contentType = sniffContentType(file.content);
    if (!contentType) {
      problems.add('attachment_type_not_allowed', field, 'type_not_allowed', 'Only JPEG and PNG photos and PDF files can be attached.');
      return;
    }
    const { base, extension } = cleanFilename(file.filename);
    const allowed = ATTACHMENT_TYPES[contentType].extensions;
    if (extension && !allowed.includes(extension)) {
      problems.add('attachment_type_mismatch', `${field}.filename`, 'extension_mismatch', `The file's content is ${contentType}, its name says .${extension}.`);
      return;
    }
    const ext = extension || allowed[0]!;
    const room = ATTACHMENT_LIMITS.maxFilenameLength - ext.length - 1 - 4;
    const stem = truncate(base, room) || `melleklet-${i + 1}`;
    let filename = `${stem}.${ext}`;
    for (let n = 2; used.has(filename.toLowerCase()); n++) filename = `${stem} (${n}).${ext}`;
    used.add(filename.toLowerCase());
    const content = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    out.push({ filename, contentType, content, sizeBytes: size, sha256: createHash('sha256').update(content).digest('hex') });
  });
  if (total > ATTACHMENT_LIMITS.maxTotalBytes) {
    problems.add('attachments_too_large', 'attachments', 'too_large', `The files may be at most ${ATTACHMENT_LIMITS.maxTotalBytes / 1024 / 1024} MB together.`);
  }
  return out;
}
