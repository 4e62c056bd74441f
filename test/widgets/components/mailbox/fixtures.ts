import type { DocumentList, MailboxDocument, PolicyList, PolicySummary, RequestableTypes } from '../../../../widgets/api/schemas.ts';
import { FakeApi } from '../../support/fake-api.ts';

export const DOC_UNREAD: MailboxDocument = {
  id: '5b0d5c52-4a0e-4d6a-9a55-0d6f5f3b1a01',
  type: 'dijbekero',
  typeName: { hu: 'Díjbekérő', en: 'Premium notice' },
  title: 'Díjbekérő – 2026. IV. negyedév',
  policyId: 11,
  policyNumber: 'KGFB-2024-000123',
  issuedAt: '2026-10-05T08:30:00.000Z',
  read: false,
  readAt: null,
  sizeBytes: 20480,
};

export const DOC_READ: MailboxDocument = {
  id: '5b0d5c52-4a0e-4d6a-9a55-0d6f5f3b1a02',
  type: 'befizetes_igazolas',
  typeName: { hu: 'Befizetés igazolása', en: 'Payment receipt' },
  title: 'Befizetés igazolása – 2026. szeptember',
  policyId: null,
  policyNumber: null,
  issuedAt: '2026-09-12T10:00:00.000Z',
  read: true,
  readAt: '2026-09-13T10:00:00.000Z',
  sizeBytes: 10240,
};

export const DOC_OLD: MailboxDocument = {
  id: '5b0d5c52-4a0e-4d6a-9a55-0d6f5f3b1a03',
  type: 'kotveny',
  typeName: { hu: 'Kötvény', en: 'Policy document' },
  title: 'Kötvény – KGFB-2024-000123',
  policyId: 11,
  policyNumber: 'KGFB-2024-000123',
  issuedAt: '2024-03-01T09:00:00.000Z',
  read: false,
  readAt: null,
  sizeBytes: 40960,
};

const policy = (
  id: number,
  policyNumber: string,
  product: PolicySummary['product'],
  productName: PolicySummary['productName'],
  status: PolicySummary['status'],
) => ({ id, policyNumber, product, productName, status }) as PolicySummary;

export const POLICIES: PolicyList = {
  items: [
    policy(11, 'KGFB-2024-000123', 'kgfb', { hu: 'Kötelező gépjármű-felelősségbiztosítás', en: 'Motor third-party liability' }, 'active'),
    policy(12, 'OTTH-2023-004567', 'home', { hu: 'Otthonbiztosítás', en: 'Home insurance' }, 'active'),
  ],
  page: 1,
  pageSize: 100,
  total: 2,
  status: 'all',
  counts: { active: 2, cancelled: 0 },
};

export const TYPES_11: RequestableTypes = {
  items: [
    { type: 'kotveny', name: { hu: 'Kötvény', en: 'Policy document' }, remaining: 3 },
    { type: 'kartorteneti_igazolas', name: { hu: 'Kártörténeti igazolás', en: 'Claims-history certificate' }, remaining: 0 },
    { type: 'biztositasi_igazolas', name: { hu: 'Biztosítási igazolás', en: 'Insurance certificate' }, remaining: 2 },
  ],
};

/** The API's `types` of a mailbox holding `items`: each type once, with its count, by type code. */
export function typesOf(items: MailboxDocument[]): DocumentList['types'] {
  const types = new Map<string, DocumentList['types'][number]>();
  for (const { type, typeName } of items) types.set(type, { type, typeName, count: (types.get(type)?.count ?? 0) + 1 });
  return [...types.values()].sort((a, b) => (a.type < b.type ? -1 : 1));
}

export function documentList(items: MailboxDocument[], extra: Partial<DocumentList> = {}): DocumentList {
  return { items, page: 1, pageSize: 20, total: items.length, unreadCount: items.filter((d) => !d.read).length, types: typesOf(items), ...extra };
}

/** The fake API with a mailbox of three documents (two unread) and two contracts. */
export function mailboxApi(items: MailboxDocument[] = [DOC_UNREAD, DOC_READ, DOC_OLD]): FakeApi {
  return new FakeApi()
    .on('GET', '/documents', documentList(items))
    .on('GET', '/policies', POLICIES)
    .on('GET', '/documents/:id/content', () => ({
      body: new Blob(['%PDF-1.7 test'], { type: 'application/pdf' }),
      headers: { 'content-type': 'application/pdf' },
    }))
    .on('GET', '/document-requests/types', TYPES_11);
}
