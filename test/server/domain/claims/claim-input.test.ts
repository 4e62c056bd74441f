import { describe, expect, it } from 'vitest';
import {
  cleanFilename,
  formatClaimNumber,
  normalisePlate,
  parseLossTime,
  sniffContentType,
  validateAttachments,
} from '../../../../server/domain/claims/index.ts';
import { Problems } from '../../../../server/kernel/problems.ts';
import { cleanText } from '../../../../server/kernel/text-rules.ts';
import { DomainError } from '../../../../server/kernel/domain-error.ts';

/** The database-free parts of a claim report: the bytes' type, file names, plates, the time of loss. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('attachment types from the bytes', () => {
  it('recognises JPEG, PNG and PDF and nothing else', () => {
    expect(sniffContentType(JPEG)).toBe('image/jpeg');
    expect(sniffContentType(PNG)).toBe('image/png');
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffContentType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffContentType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    // HEIC (ftyp box) is not accepted.
    expect(sniffContentType(Buffer.from('\0\0\0\x18ftypheic', 'latin1'))).toBeNull();
  });
});

describe('file names', () => {
  it.each([
    ['../../etc/passwd.jpg', 'passwd', 'jpg'],
    ['..\\..\\Windows\\System32\\kép.JPEG', 'kép', 'jpeg'],
    ['/var/www/../../x.png', 'x', 'png'],
    ['..', '', ''],
    ['.htaccess', 'htaccess', ''],
    ['jegyző\u0000könyv\u202e.pdf', 'jegyzőkönyv', 'pdf'],
    ['a<b>c:d"e|f?g*h.png', 'a_b_c_d_e_f_g_h', 'png'],
    ['  sok   szóköz  .jpg  ', 'sok szóköz', 'jpg'],
    ['CON.jpg', '_CON', 'jpg'],
    ['fo\u0308to.jpg', 'föto', 'jpg'],
  ])('%j → %j . %j', (name, base, extension) => {
    expect(cleanFilename(name)).toEqual({ base, extension });
  });

  it('gives a fallback name, the real extension, unique names and a length limit', () => {
    const problems = new Problems();
    const files = validateAttachments(
      [
        { filename: '..', content: JPEG },
        { filename: 'kép', content: PNG },
        { filename: 'kép.png', content: PNG },
        { filename: `${'é'.repeat(300)}.jpg`, content: JPEG },
      ],
      problems,
    );
    expect(problems.size).toBe(0);
    expect(files.map((f) => f.filename).slice(0, 3)).toEqual(['melleklet-1.jpg', 'kép.png', 'kép (2).png']);
    expect([...files[3]!.filename].length).toBeLessThanOrEqual(100);
    expect(files[3]!.filename.endsWith('.jpg')).toBe(true);
  });

  it('refuses a name that says one type over bytes of another', () => {
    const problems = new Problems();
    validateAttachments(
      [
        { filename: 'photo.jpg', content: PNG },
        { filename: 'photo.png', content: JPEG },
      ],
      problems,
    );
    let error: unknown;
    try {
      problems.throwIfAny('bad');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('attachment_type_mismatch');
    expect((error as DomainError).fields.map((f) => f.field)).toEqual(['attachments[0].filename', 'attachments[1].filename']);
  });
});

describe('plates', () => {
  it.each([
    ['ABC-123', 'ABC-123'],
    ['abc 123', 'ABC-123'],
    ['abc123', 'ABC-123'],
    ['AA BC-123', 'AA BC-123'],
    ['aabc123', 'AA BC-123'],
    ['AA-BC-123', 'AA BC-123'],
  ])('%s → %s', (input, canonical) => expect(normalisePlate(input)).toBe(canonical));

  it.each(['AB-123', 'ABCD-12', 'ÁBC-123', '123-ABC', 'ABC-1234', 'W-12345X', '', 'ABC_123'])('refuses %j', (input) =>
    expect(normalisePlate(input)).toBeNull(),
  );
});

describe('the time of loss', () => {
  it('reads an offset, Z, or Budapest wall-clock time (summer and winter)', () => {
    expect(parseLossTime('2026-05-01T14:30:00+02:00')?.toISOString()).toBe('2026-05-01T12:30:00.000Z');
    expect(parseLossTime('2026-05-01T12:30:00Z')?.toISOString()).toBe('2026-05-01T12:30:00.000Z');
    expect(parseLossTime('2026-05-01T14:30')?.toISOString()).toBe('2026-05-01T12:30:00.000Z');
    expect(parseLossTime('2026-01-15T08:05')?.toISOString()).toBe('2026-01-15T07:05:00.000Z');
    expect(parseLossTime('2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(parseLossTime('2026-10-25T12:00')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-05-01', '2026-05-01T24:00', 'yesterday', '2026-05-01T10:00+25:00', 12])('refuses %j', (value) => {
    expect(parseLossTime(value)).toBeNull();
  });
});

describe('claim numbers and text', () => {
  it('formats the claim number with the Budapest year', () => {
    expect(formatClaimNumber(123, new Date('2026-06-01T10:00:00Z'))).toBe('KAR-2026-000123');
    // 31 December 23:30 UTC is already New Year in Budapest.
    expect(formatClaimNumber(7, new Date('2026-12-31T23:30:00Z'))).toBe('KAR-2027-000007');
  });

  it('cleans free text', () => {
    expect(cleanText('  Győr,   Fő  utca 1. ', { min: 3, max: 50 })).toEqual({ ok: true, value: 'Győr, Fő utca 1.' });
    expect(cleanText('első sor\r\n\r\n\r\n\tmásodik', { min: 3, max: 50, multiline: true })).toEqual({ ok: true, value: 'első sor\n\nmásodik' });
    expect(cleanText('zero\u200bwidth', { min: 1, max: 50 })).toMatchObject({ ok: false, problem: 'control_characters' });
    expect(cleanText('x'.repeat(51), { min: 1, max: 50 })).toMatchObject({ ok: false, problem: 'too_long' });
    expect(cleanText('   ', { min: 1, max: 50 })).toMatchObject({ ok: false, problem: 'required' });
    expect(cleanText(42, { min: 1, max: 50 })).toMatchObject({ ok: false, problem: 'not_a_string' });
  });
});
