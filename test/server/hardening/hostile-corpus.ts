import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * The hostile-input corpus, shared by hostile-api.test.ts and hostile-idp.test.ts: the strings,
 * the wrong JSON types, the files, and the generator that turns one endpoint description (one
 * line in a table) into its refusal cases. A case never depends on another; each is sent on its
 * own and must be refused with a 4xx problem (API) or a 4xx/200 page re-showing the form (IdP),
 * changing nothing in the database.
 */

/** Strings no strict field (an id, an enum, a number, an address, a URL, a token) may accept. */
export const HOSTILE = {
  rtlOverride: 'invoice\u202Egpj.exe',
  zeroWidth: 'Buda\u200Bpest',
  astral: '😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  combining: 'Z\u0351\u0300a\u0303\u0304l\u0308g\u030Ao\u0327',
  nul: 'ab\u0000cd',
  loneSurrogate: 'ab\uD800cd',
  script: '<script>alert(1)</script>',
  imgOnerror: '"><img src=x onerror=alert(1)>',
  sqlOr: "' OR 1=1 --",
  sqlDrop: '; drop table customers;',
  traversal: '../../etc/passwd',
  winTraversal: '..\\..\\boot.ini',
} as const;

export type HostileName = keyof typeof HOSTILE;

/** The ones a free-text field (a place, a description, a city) must refuse: control and format characters, lone surrogates. */
export const UNPRINTABLE: HostileName[] = ['rtlOverride', 'zeroWidth', 'nul', 'loneSurrogate'];

/** The markup payloads, and what their unescaped form would put into a page or an e-mail. */
export const MARKUP: HostileName[] = ['script', 'imgOnerror'];
export const RAW_MARKUP = ['<script>alert(1)', '<img src=x', '<img src="x"'];
export const ESCAPED: Partial<Record<HostileName, string[]>> = {
  // Either quoting style of an HTML escaper is fine; the tag must not be there.
  script: ['&lt;script&gt;alert(1)&lt;/script&gt;'],
  imgOnerror: ['&quot;&gt;&lt;img src=x onerror=alert(1)&gt;', '&#34;&gt;&lt;img src=x onerror=alert(1)&gt;'],
};

/** Values of the wrong JSON type for a field that wants something else. */
export const WRONG_TYPES: Array<{ label: string; value: unknown }> = [
  { label: 'a number', value: 12345 },
  { label: 'a negative fraction', value: -1.5 },
  { label: 'a huge number', value: 1e300 },
  { label: 'a boolean', value: true },
  { label: 'an array', value: ['x'] },
  { label: 'an object', value: { $ne: null } },
];
/** For fields that are numbers, the wrong type is text. */
export const WRONG_TYPES_FOR_NUMBER: Array<{ label: string; value: unknown }> = [
  { label: 'a numeric string', value: '1' },
  { label: 'a boolean', value: false },
  { label: 'an array', value: [1] },
  { label: 'an object', value: { id: 1 } },
];

/** Bytes that are not a JPEG (nor a PNG nor a PDF): a script and an ELF header. */
export const NOT_A_JPEG = new TextEncoder().encode('#!/bin/sh\nrm -rf / # <script>alert(1)</script>\n');
export const ELF_BYTES = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array<number>(56).fill(0)]);

/**
 * One write endpoint of the API. `base` is a well-formed request (valid, or refused only for a
 * reason that needs live state the corpus cannot have, e.g. a fresh login ticket); the cases
 * change one thing in it. Field names are dotted paths into the JSON body (or the multipart
 * form's field names).
 */
export interface ApiEndpoint<Ctx> {
  name: string;
  method: 'POST' | 'PATCH';
  path: (ctx: Ctx) => string;
  body: 'json' | 'multipart';
  /** The route's body limit in bytes (one byte more is refused with 413). */
  limit: number;
  base: (ctx: Ctx) => Record<string, unknown>;
  /** Fields that must refuse every HOSTILE string. */
  strict: string[];
  /** Free-text fields: refuse UNPRINTABLE strings (markup and SQL are text there, see the accepted-value tests). */
  text?: string[];
  /** Fields whose absence is refused. */
  required: string[];
  /** Fields whose wrong JSON type is refused (JSON bodies); the number fields among them. */
  typed?: string[];
  numbers?: string[];
  /** The only `code`s this endpoint may answer these cases with. */
  codes: string[];
  /** Fields checked with only some HOSTILE strings: a password is hashed per try (about a second on a loaded machine). */
  sample?: Record<string, HostileName[]>;
}

/** The HOSTILE strings a costly field (a password) is tried with: one of each kind. */
export const PASSWORD_SAMPLE: HostileName[] = ['nul', 'loneSurrogate', 'script', 'sqlOr'];
/** An address checked after the password (hashed per try): the kinds an address check could let through. */
export const EMAIL_SAMPLE: HostileName[] = ['rtlOverride', 'zeroWidth', 'nul', 'loneSurrogate', 'imgOnerror', 'sqlOr', 'traversal'];

export type Mutation =
  | { kind: 'fields'; body: Record<string, unknown>; files?: Array<{ field: string; name: string; bytes: Uint8Array; type: string }> }
  | { kind: 'raw'; contentType: string; raw: string | Uint8Array };

export interface HostileCase {
  label: string;
  make: (base: Record<string, unknown>) => Mutation;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

export function setPath(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = clone(body);
  const parts = path.split('.');
  let target: Record<string, unknown> = out;
  for (const part of parts.slice(0, -1)) {
    if (typeof target[part] !== 'object' || target[part] === null) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts.at(-1)!] = value;
  return out;
}

export function deletePath(body: Record<string, unknown>, path: string): Record<string, unknown> {
  const out = clone(body);
  const parts = path.split('.');
  let target: Record<string, unknown> | undefined = out;
  for (const part of parts.slice(0, -1)) target = target?.[part] as Record<string, unknown> | undefined;
  if (target) delete target[parts.at(-1)!];
  return out;
}

/** Every refusal case of one endpoint. */
export function casesFor<Ctx>(endpoint: ApiEndpoint<Ctx>): HostileCase[] {
  const cases: HostileCase[] = [];
  const fields = (label: string, make: (base: Record<string, unknown>) => Record<string, unknown>) =>
    cases.push({ label, make: (base) => ({ kind: 'fields', body: make(base) }) });

  // Oversized: one byte over the limit, the rest of the body well-formed.
  cases.push({
    label: `a body one byte over the ${endpoint.limit}-byte limit`,
    make: (base) => {
      if (endpoint.body === 'multipart') {
        return {
          kind: 'fields',
          body: base,
          files: [{ field: 'attachments', name: 'nagy.pdf', bytes: pdfOfSize(endpoint.limit + 1), type: 'application/pdf' }],
        };
      }
      const json = JSON.stringify({ ...base, padding: '' });
      const pad = endpoint.limit + 1 - Buffer.byteLength(json);
      return { kind: 'raw', contentType: 'application/json', raw: JSON.stringify({ ...base, padding: 'x'.repeat(Math.max(0, pad)) }) };
    },
  });

  if (endpoint.body === 'json') {
    for (const [label, raw] of [
      ['a body that is not JSON', '{"a": '],
      ['a JSON array body', '[]'],
      ['a JSON string body', '"x"'],
      ['a JSON null body', 'null'],
      ['a body with a NUL byte outside any string', '{"a":\u0000}'],
      ['only a lone surrogate escape', '{"\\udc00":"\\ud800"}'],
    ] as const) {
      cases.push({ label, make: () => ({ kind: 'raw', contentType: 'application/json', raw }) });
    }
    cases.push({ label: 'form-encoded instead of JSON', make: () => ({ kind: 'raw', contentType: 'application/x-www-form-urlencoded', raw: 'a=1&b=2' }) });
  }

  fields('no fields at all', () => ({}));
  for (const field of endpoint.required) fields(`"${field}" missing`, (base) => deletePath(base, field));

  for (const field of endpoint.typed ?? []) {
    const wrong = endpoint.numbers?.includes(field) ? WRONG_TYPES_FOR_NUMBER : WRONG_TYPES;
    for (const { label, value } of wrong) fields(`"${field}" as ${label}`, (base) => setPath(base, field, value));
  }

  for (const field of endpoint.strict) {
    const names = endpoint.sample?.[field] ?? (Object.keys(HOSTILE) as HostileName[]);
    for (const [name, value] of names.map((n) => [n, HOSTILE[n]] as const))
      fields(`"${field}" = ${name} ${JSON.stringify(value)}`, (base) => setPath(base, field, value));
  }
  for (const field of endpoint.text ?? []) {
    // A multipart form is UTF-8: a lone surrogate cannot travel in it (the sender's encoder makes it U+FFFD).
    const unprintable = endpoint.body === 'multipart' ? UNPRINTABLE.filter((n) => n !== 'loneSurrogate') : UNPRINTABLE;
    for (const name of unprintable) fields(`free text "${field}" with ${name}`, (base) => setPath(base, field, `Valódi szöveg ${HOSTILE[name]} a mezőben`));
  }
  return cases;
}

/** A file that starts like a PDF, of exactly `size` bytes. */
export function pdfOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  return bytes;
}

/**
 * A fingerprint of every table a refused request must not touch: its row count and a hash of
 * its rows (so a changed row shows, not only an added one). Left out: the bookkeeping a refusal
 * may legitimately write (rate limits, the audit trail, the IdP's own sessions/interactions).
 * `bff_sessions` is read without its last-seen time, which every authenticated request moves.
 */
export const WATCHED_TABLES: Record<string, string> = {
  accounts: 'select * from accounts',
  account_tokens: 'select * from account_tokens',
  bff_login_states: 'select * from bff_login_states',
  bff_sessions: 'select id_hash, customer_id, client_id from bff_sessions',
  brokers: 'select * from brokers',
  change_requests: 'select * from change_requests',
  claim_attachments: 'select id, claim_id, filename, content_type, size_bytes, sha256 from claim_attachments',
  claim_status_history: 'select * from claim_status_history',
  claims: 'select * from claims',
  customers: 'select * from customers',
  demo_payment_checkouts: 'select * from demo_payment_checkouts',
  document_requests: 'select * from document_requests',
  documents: 'select id, customer_id, policy_id, type, title, filename, size_bytes, sha256, source, issued_at from documents',
  invoices: 'select * from invoices',
  notifications: 'select * from notifications',
  partner_clients: 'select * from partner_clients',
  payment_invoices: 'select * from payment_invoices',
  payment_superseded_checkouts: 'select * from payment_superseded_checkouts',
  payment_webhook_events: 'select * from payment_webhook_events',
  payments: 'select * from payments',
  policies: 'select * from policies',
};

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/**
 * Remembers the last fingerprint taken, so a run of cases that each must change nothing takes one
 * fingerprint per case (the one after it), not two. `forget()` after a case that writes on purpose.
 */
export class Watch {
  private last: Fingerprint | undefined;
  constructor(private readonly sequelize: Sequelize) {}
  async before(): Promise<Fingerprint> {
    this.last ??= await fingerprint(this.sequelize);
    return this.last;
  }
  /** The tables changed since `before()`. */
  async changedSince(before: Fingerprint): Promise<string[]> {
    this.last = await fingerprint(this.sequelize);
    return changedTables(before, this.last);
  }
  forget(): void {
    this.last = undefined;
  }
}

export async function fingerprint(sequelize: Sequelize): Promise<Fingerprint> {
  const sql = Object.entries(WATCHED_TABLES)
    .map(
      ([name, select]) =>
        `select '${name}' as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from (${select}) t`,
    )
    .join(' union all ');
  const rows = await sequelize.query<{ name: string; rows: number; hash: string }>(sql, { type: QueryTypes.SELECT });
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before).filter((name) => before[name]!.rows !== after[name]?.rows || before[name]!.hash !== after[name]?.hash);
}
