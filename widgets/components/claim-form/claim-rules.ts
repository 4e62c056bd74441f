import type { ClaimSummary, PolicySummary } from '../../api/schemas.ts';
import { textProblem } from '../../internal/text-rules.ts';
import type { Lang } from '../../i18n/lang.ts';
import { parseTypedDate } from './typed-date.ts';

/**
 * The claim report's input rules, the same as the API's (server/domain/claims/claim-input.ts,
 * attachments.ts, products.ts), so the form refuses before sending with the codes the API
 * would use. Errors are keyed by the draft's field names; `fieldOf` maps the API's names.
 */
export type Product = PolicySummary['product'];
export type Step = 'policy' | 'what' | 'when' | 'other' | 'files' | 'review';

/** What the customer knows of the other party (server/domain/claims/other-party.ts). */
export type Situation = 'known' | 'unknown' | 'hit_and_run' | 'no_vehicle';
export type ContactPreference = 'email' | 'phone' | 'post';
export type FieldErrors = Record<string, string>;

/** What the form holds while the customer types. */
export interface ClaimDraft {
  policyId: string;
  claimType: string;
  description: string;
  /** The estimated damage in forints as typed (optional; `150 000` is fine). */
  damage: string;
  /** As typed, in the page's format (`2026. 05. 10.`, `10/05/2026`) or ISO; see typed-date.ts. */
  date: string;
  /** HH:MM, optional. */
  time: string;
  place: string;
  opName: string;
  opPlate: string;
  opInsurer: string;
  /** A collision's other party: '' until chosen. */
  opSituation: Situation | '';
  contact: ContactPreference;
  files: File[];
}

export const emptyDraft = (policyId = ''): ClaimDraft => ({
  policyId,
  claimType: '',
  description: '',
  damage: '',
  date: '',
  time: '',
  place: '',
  opName: '',
  opPlate: '',
  opInsurer: '',
  opSituation: '',
  contact: 'email',
  files: [],
});

export const CLAIM_TYPES: Readonly<Record<Product, readonly string[]>> = {
  kgfb: ['collision_liability'],
  casco: ['collision', 'theft', 'glass', 'natural_damage', 'vandalism'],
  home: ['water_leak', 'fire', 'burglary', 'storm', 'glass'],
  travel: ['medical', 'luggage', 'cancellation', 'delay'],
};

const COLLISION = ['collision_liability', 'collision'];

export const isCollision = (claimType: string): boolean => COLLISION.includes(claimType);

/**
 * The choices a collision offers, as the API takes them: KGFB (the customer caused the damage)
 * has no hit-and-run; CASCO (the customer's own car) has.
 */
export const SITUATIONS: Readonly<Partial<Record<Product, readonly Situation[]>>> = {
  kgfb: ['known', 'unknown', 'no_vehicle'],
  casco: ['known', 'unknown', 'hit_and_run', 'no_vehicle'],
};

export const CONTACT_PREFERENCES: readonly ContactPreference[] = ['email', 'phone', 'post'];

export const isMotor = (product: Product | undefined): boolean => product === 'kgfb' || product === 'casco';

/** A decided or finished claim takes no more files; the API refuses them with `claim_closed` (server/domain/claims/claim-views.ts). */
export const CLOSED_STATUSES = ['rejected', 'paid', 'closed'] as const;
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

export const isClosed = (status: ClaimSummary['status']): status is ClosedStatus => (CLOSED_STATUSES as readonly string[]).includes(status);

/** Text limits [min, max] in characters. */
export const LIMITS = {
  description: [10, 4000],
  place: [3, 200],
  opName: [2, 100],
  opInsurer: [2, 100],
} as const satisfies Record<string, readonly [number, number]>;

/** The largest estimate the API takes (server/domain/claims/claim-input.ts). */
export const MAX_DAMAGE_HUF = 1_000_000_000;

/** The estimate as whole forints (group separators allowed), null when left empty, NaN when not a number. */
export function parseDamage(value: string): number | null {
  const digits = value.replace(/[\s.\u00a0\u202f]/g, '');
  return !digits ? null : /^\d{1,10}$/.test(digits) ? Number(digits) : Number.NaN;
}

export const FILE_LIMITS = { count: 10, size: 10 * 1024 * 1024, total: 25 * 1024 * 1024 } as const;

const FILE_TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** For `<input type=file accept>`: the extensions and MIME types the API takes. */
export const ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

/**
 * The steps of every report, whatever the product, so the counter never changes its total:
 * the fourth asks how the claims handler reaches the customer, and on motor products first
 * about the other party.
 */
export const STEPS: readonly Step[] = ['policy', 'what', 'when', 'other', 'files', 'review'];

const STEP_OF: Readonly<Record<string, Step>> = {
  policyId: 'policy',
  claimType: 'what',
  description: 'what',
  damage: 'what',
  date: 'when',
  time: 'when',
  place: 'when',
  opName: 'other',
  opPlate: 'other',
  opInsurer: 'other',
  opSituation: 'other',
  contact: 'other',
  files: 'files',
};

/** The step holding a draft field (`file-2` is the third file); the review for the rest. */
export const stepOf = (field: string): Step => (field.startsWith('file-') ? 'files' : (STEP_OF[field] ?? 'review'));

/** The draft field for an API field name (`otherParty.plate` → `opPlate`, `attachments[2]` → `file-2`). */
export function fieldOf(apiField: string): string {
  const file = /^attachments\[(\d+)\]/.exec(apiField);
  if (file) return `file-${file[1]}`;
  const map: Record<string, string> = {
    occurredAt: 'date',
    estimatedDamageHuf: 'damage',
    otherParty: 'opName',
    'otherParty.name': 'opName',
    'otherParty.plate': 'opPlate',
    'otherParty.insurer': 'opInsurer',
    otherPartySituation: 'opSituation',
    contactPreference: 'contact',
    attachments: 'files',
  };
  return map[apiField] ?? apiField;
}

/** A Hungarian plate (`ABC-123`, `AA BC-123`) in its canonical form, or null. */
export function normalisePlate(value: string): string | null {
  if (value.length > 16 || !/^[A-Za-z0-9 -]+$/.test(value)) return null;
  const c = value.toUpperCase().replace(/[\s-]/g, '');
  if (/^[A-Z]{3}\d{3}$/.test(c)) return `${c.slice(0, 3)}-${c.slice(3)}`;
  if (/^[A-Z]{4}\d{3}$/.test(c)) return `${c.slice(0, 2)} ${c.slice(2, 4)}-${c.slice(4)}`;
  return null;
}

/** Today's date and the time in Budapest (the API's clock), as `YYYY-MM-DD` and `HH:MM`. */
export function budapestNow(now = new Date()): { date: string; time: string } {
  // Swedish writes dates and 24-hour times the ISO way: `2026-05-10 12:00:00`.
  const s = now.toLocaleString('sv-SE', { timeZone: 'Europe/Budapest' });
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** The earliest loss date the API takes online: two years back, and not before the policy's start. */
export function earliestDate(today: string, policy: PolicySummary | undefined): string {
  const twoYears = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  return policy && policy.startDate > twoYears ? policy.startDate : twoYears;
}

/** The last day of cover (cancellation or end), or undefined while open-ended. */
export const lastDay = (p: PolicySummary): string | undefined => [p.cancelledAt, p.endDate].filter((d): d is string => !!d).sort()[0];

/** The magic numbers the API reads (server/domain/claims/attachments.ts): the bytes decide, not the name. */
const MAGIC: readonly [string, readonly number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

/** What the bytes of each checked file said: the list shows a thumbnail for images only. */
const sniffed = new WeakMap<Blob, string | undefined>();

/** The real type of a file by its first bytes, or undefined when it is none the API takes. */
export async function sniffType(file: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const type = MAGIC.find(([, magic]) => head.length >= magic.length && magic.every((b, i) => head[i] === b))?.[0];
  sniffed.set(file, type);
  return type;
}

/** Whether a checked file's bytes are a JPEG or PNG. */
export const isImage = (file: Blob): boolean => sniffed.get(file)?.startsWith('image/') ?? false;

/**
 * Why one chosen file cannot go, or undefined: checked the moment it is chosen, as the API
 * would (empty, too large, its bytes none of JPEG, PNG, PDF, or its extension another type's).
 */
export async function fileProblem(file: File): Promise<string | undefined> {
  if (file.size === 0) return 'empty';
  if (file.size > FILE_LIMITS.size) return 'too_large';
  const type = await sniffType(file);
  if (!type) return 'type_not_allowed';
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  return ext && FILE_TYPES[ext] !== type ? 'extension_mismatch' : undefined;
}

/** The files chosen so far and the ones refused, with their reason. */
export interface FileChoice {
  files: File[];
  refused: { name: string; code: string }[];
}

/** Adds chosen files, each checked by its bytes, within the limits; the refused ones come back with their reason. */
export async function chooseFiles(current: readonly File[], incoming: readonly File[]): Promise<FileChoice> {
  const problems = await Promise.all(incoming.map(fileProblem));
  return addFiles(current, incoming, problems);
}

/** Adds files whose own problems are known (`problems[i]` for `incoming[i]`) within the count and total limits. */
export function addFiles(current: readonly File[], incoming: readonly File[], problems: readonly (string | undefined)[] = []): FileChoice {
  const files = [...current];
  const refused: { name: string; code: string }[] = [];
  let total = files.reduce((sum, f) => sum + f.size, 0);
  for (const [i, file] of incoming.entries()) {
    let code = problems[i];
    if (!code && files.length >= FILE_LIMITS.count) code = 'too_many';
    if (!code && total + file.size > FILE_LIMITS.total) code = 'total_too_large';
    if (code) refused.push({ name: file.name, code });
    else {
      files.push(file);
      total += file.size;
    }
  }
  return { files, refused };
}

/** The problems of one step's fields (empty when the step may be left). `lang` reads the typed date. */
export function validateStep(step: Step, d: ClaimDraft, policy: PolicySummary | undefined, lang: Lang, now = new Date()): FieldErrors {
  const e: Record<string, string | undefined> = {};
  if (step === 'policy') e.policyId = policy ? undefined : 'required';
  if (step === 'what') {
    e.claimType = !d.claimType ? 'required' : policy && !CLAIM_TYPES[policy.product].includes(d.claimType) ? 'not_for_product' : undefined;
    e.description = textProblem(d.description, LIMITS.description, true);
    const damage = parseDamage(d.damage);
    e.damage = Number.isNaN(damage) ? 'invalid' : damage !== null && damage > MAX_DAMAGE_HUF ? 'out_of_range' : undefined;
  }
  if (step === 'when') {
    const { date, time } = budapestNow(now);
    const day = parseTypedDate(d.date, lang);
    e.date = !d.date.trim()
      ? 'required'
      : !day
        ? 'invalid_date'
        : `${day}T${d.time}` > `${date}T${time}`
          ? 'in_future'
          : policy && day < policy.startDate
            ? 'before_start'
            : day < earliestDate(date, undefined)
              ? 'too_old'
              : policy && (lastDay(policy) ?? day) < day
                ? 'not_in_force'
                : undefined;
    e.time = d.time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time) ? 'invalid' : undefined;
    e.place = textProblem(d.place, LIMITS.place);
  }
  if (step === 'other') {
    if (isMotor(policy?.product) && isCollision(d.claimType) && !SITUATIONS[policy!.product]!.includes(d.opSituation as Situation)) e.opSituation = 'required';
    else if (namesOtherParty(d, policy?.product)) {
      const plate = d.opPlate.trim();
      e.opName = textProblem(d.opName, LIMITS.opName);
      e.opPlate = !plate ? 'required' : normalisePlate(plate) ? undefined : 'invalid_format';
      e.opInsurer = d.opInsurer.trim() && textProblem(d.opInsurer, LIMITS.opInsurer);
    }
    e.contact = CONTACT_PREFERENCES.includes(d.contact) ? undefined : 'required';
  }
  if (step === 'files') e.files = addFiles([], d.files).refused[0]?.code;
  return Object.fromEntries(Object.entries(e).filter(([, code]) => code)) as FieldErrors;
}

export const hasOtherParty = (d: ClaimDraft): boolean => [d.opName, d.opPlate, d.opInsurer].some((v) => v.trim());

/**
 * Whether the report names the other vehicle: a collision's when the customer says it is known;
 * another motor loss's when the customer typed any of it (it is optional there).
 */
export const namesOtherParty = (d: ClaimDraft, product: Product | undefined): boolean =>
  isMotor(product) && (isCollision(d.claimType) ? d.opSituation === 'known' : hasOtherParty(d));

/** The multipart form `POST /claims` takes; `lang` reads the typed date. */
export function formDataOf(d: ClaimDraft, product: Product | undefined, lang: Lang): FormData {
  const form = new FormData();
  const fields = {
    policyId: d.policyId,
    claimType: d.claimType,
    occurredAt: `${parseTypedDate(d.date, lang) ?? d.date}T${d.time || '00:00'}`,
    place: d.place.trim(),
    description: d.description.trim(),
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const damage = parseDamage(d.damage);
  if (damage !== null) form.set('estimatedDamageHuf', String(damage));
  form.set('contactPreference', d.contact);
  if (isMotor(product) && isCollision(d.claimType) && d.opSituation) form.set('otherPartySituation', d.opSituation);
  if (namesOtherParty(d, product)) {
    const plate = d.opPlate.trim();
    // JSON leaves out an undefined insurer.
    form.set('otherParty', JSON.stringify({ name: d.opName.trim(), plate: normalisePlate(plate) ?? plate, insurer: d.opInsurer.trim() || undefined }));
  }
  for (const file of d.files) form.append('attachments', file, file.name);
  return form;
}
