import { isoTimestampOf } from '../../kernel/calendar.ts';
import { CLAIM_TYPES, type ClaimType, type LocalizedName, type ProductCode } from '../../kernel/products.ts';
import type { AttachmentContentType } from './attachments.ts';
import type { ContactPreference, OtherParty } from './claim-input.ts';
import type { OtherPartySituation } from './other-party.ts';

/** A claim as the portal shows it: in the list (with its status history) and on its page. */
export type ClaimStatus = 'received' | 'in_review' | 'approved' | 'rejected' | 'paid' | 'closed';

/** Decided (rejected, paid) or finished (closed): such a claim takes no more files. */
export const CLOSED_CLAIM_STATUSES: readonly ClaimStatus[] = ['rejected', 'paid', 'closed'];

export const isClaimClosed = (status: unknown): boolean => (CLOSED_CLAIM_STATUSES as readonly unknown[]).includes(status);

export interface ClaimStatusEntry {
  status: ClaimStatus;
  note: string | null;
  at: string;
}

export interface ClaimSummary {
  id: number;
  claimNumber: string;
  policyId: number;
  policyNumber: string;
  product: ProductCode;
  claimType: ClaimType;
  claimTypeName: LocalizedName;
  occurredAt: string;
  place: string;
  estimatedDamageHuf: number | null;
  contactPreference: ContactPreference;
  status: ClaimStatus;
  reportedAt: string;
  updatedAt: string;
  attachmentCount: number;
  /** Oldest first; the last entry is the current status. */
  history: ClaimStatusEntry[];
}

export interface ClaimAttachmentMeta {
  id: string;
  filename: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface ClaimDetail extends ClaimSummary {
  description: string;
  otherParty: OtherParty | null;
  /** What the customer said of the other party (a motor loss); null when nothing was asked. */
  otherPartySituation: OtherPartySituation | null;
  attachments: ClaimAttachmentMeta[];
  /** The Kárbejelentés visszaigazolása in the mailbox; null for claims reported elsewhere. */
  acknowledgementDocumentId: string | null;
}

type Row = Record<string, unknown>;

export const CLAIM_COLUMNS = `c.id, c.claim_number, c.policy_id, p.policy_number, p.product, c.claim_type, c.occurred_at, c.place,
  c.description, c.estimated_damage_huf, c.other_party, c.other_party_situation, c.contact_preference, c.status, c.created_at, c.updated_at,
  c.acknowledgement_document_id, (select count(*) from claim_attachments a where a.claim_id = c.id) as attachment_count`;

export const HISTORY_COLUMNS = 'h.claim_id, h.status, h.note, h.created_at';
export const ATTACHMENT_META_COLUMNS = 'a.id, a.claim_id, a.filename, a.content_type, a.size_bytes, a.sha256, a.created_at';

export function claimSummaryOf(row: Row, history: ClaimStatusEntry[]): ClaimSummary {
  const claimType = row.claim_type as ClaimType;
  return {
    id: Number(row.id),
    claimNumber: String(row.claim_number),
    policyId: Number(row.policy_id),
    policyNumber: String(row.policy_number),
    product: row.product as ProductCode,
    claimType,
    claimTypeName: CLAIM_TYPES[claimType] ?? { hu: claimType, en: claimType },
    occurredAt: isoTimestampOf(row.occurred_at),
    place: String(row.place),
    estimatedDamageHuf: row.estimated_damage_huf == null ? null : Number(row.estimated_damage_huf),
    contactPreference: row.contact_preference as ContactPreference,
    status: row.status as ClaimStatus,
    reportedAt: isoTimestampOf(row.created_at),
    updatedAt: isoTimestampOf(row.updated_at),
    attachmentCount: Number(row.attachment_count ?? 0),
    history,
  };
}

export function claimDetailOf(row: Row, history: ClaimStatusEntry[], attachments: ClaimAttachmentMeta[]): ClaimDetail {
  const other = row.other_party == null ? null : ((typeof row.other_party === 'string' ? JSON.parse(row.other_party) : row.other_party) as OtherParty);
  return {
    ...claimSummaryOf(row, history),
    description: String(row.description),
    otherParty: other,
    otherPartySituation: (row.other_party_situation ?? null) as OtherPartySituation | null,
    attachments,
    acknowledgementDocumentId: row.acknowledgement_document_id == null ? null : String(row.acknowledgement_document_id),
  };
}

export function historyEntryOf(row: Row): ClaimStatusEntry {
  return { status: row.status as ClaimStatus, note: row.note == null ? null : String(row.note), at: isoTimestampOf(row.created_at) };
}

export function attachmentMetaOf(row: Row): ClaimAttachmentMeta {
  return {
    id: String(row.id),
    filename: String(row.filename),
    contentType: row.content_type as AttachmentContentType,
    sizeBytes: Number(row.size_bytes),
    sha256: String(row.sha256),
    uploadedAt: isoTimestampOf(row.created_at),
  };
}
