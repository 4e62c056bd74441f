import type { PolicyChangeResult, PolicyDetail, PolicyList, PolicySummary } from '../../../../widgets/api/schemas.ts';

/** Contracts as the API answers them (GET /policies, GET /policies/{id}, PATCH /policies/{id}). */
export function summary(id: number, overrides: Partial<PolicySummary> = {}): PolicySummary {
  return {
    id,
    policyNumber: `GP-${100000 + id}`,
    product: 'kgfb',
    productName: { hu: 'Kötelező gépjármű-felelősségbiztosítás', en: 'Compulsory motor third-party liability insurance' },
    status: 'active',
    startDate: '2023-03-15',
    endDate: null,
    cancelledAt: null,
    cancelReason: null,
    annualPremiumHuf: 48600,
    paymentFrequency: 'quarterly',
    paymentMethod: 'bank_transfer',
    insuredObject: { kind: 'vehicle', plate: 'ABC-123', make: 'Škoda', model: 'Octavia', year: 2018, vin: 'TMBJJ7NE8J0123456' },
    insuredObjectLabel: `Škoda Octavia (ABC-${id}23)`,
    brokerName: 'Teszt Alkusz Kft.',
    outstandingHuf: 12150,
    openInvoices: 1,
    overdueInvoices: 0,
    pendingChanges: 0,
    ...overrides,
  };
}

export const cancelledTravel = (id: number) =>
  summary(id, {
    product: 'travel',
    productName: { hu: 'Utasbiztosítás', en: 'Travel insurance' },
    status: 'cancelled',
    startDate: '2026-01-10',
    endDate: '2026-01-18',
    cancelledAt: '2026-01-18',
    cancelReason: 'vehicle_sold',
    annualPremiumHuf: 21900,
    paymentFrequency: 'annual',
    paymentMethod: 'card',
    insuredObjectLabel: 'Utazás: Horvátország',
    brokerName: null,
    outstandingHuf: 0,
    openInvoices: 0,
  });

export function page(items: PolicySummary[], overrides: Partial<PolicyList> = {}): PolicyList {
  return { items, page: 1, pageSize: 10, total: items.length, status: 'all', counts: { active: 1, cancelled: 1 }, ...overrides };
}

export function detail(base: PolicySummary, overrides: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
    ...base,
    correspondenceAddress: null as unknown as PolicyDetail['correspondenceAddress'],
    effectiveCorrespondenceAddress: { postcode: '9021', city: 'Győr', addressLine: 'Baross Gábor út 12.' },
    changeable: base.status === 'active',
    paymentOptions: [
      { frequency: 'annual', methods: ['bank_transfer', 'direct_debit', 'card', 'postal_cheque'] },
      { frequency: 'quarterly', methods: ['bank_transfer', 'direct_debit', 'card', 'postal_cheque'] },
      { frequency: 'monthly', methods: ['direct_debit', 'card'] },
    ],
    invoices: [
      {
        id: 31,
        invoiceNumber: 'DB-2026-0031',
        periodStart: '2026-04-01',
        periodEnd: '2026-06-30',
        dueDate: '2026-04-15',
        amountHuf: 12150,
        status: 'overdue',
        paidAt: null,
      },
      {
        id: 30,
        invoiceNumber: 'DB-2026-0030',
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        dueDate: '2026-01-15',
        amountHuf: 12150,
        status: 'paid',
        paidAt: '2026-01-10T09:00:00Z',
      },
    ],
    claims: [
      {
        id: 5,
        claimNumber: 'KAR-2025-0005',
        claimType: 'collision_liability',
        claimTypeName: { hu: 'Okozott gépjárműkár', en: 'Third-party motor damage' },
        occurredAt: '2025-11-02T14:30:00Z',
        status: 'in_review',
        reportedAt: '2025-11-03T08:00:00Z',
      },
    ],
    documents: [
      {
        id: 'doc-1',
        type: 'kotveny',
        typeName: { hu: 'Kötvény', en: 'Policy document' },
        title: 'Kötvény GP-100001',
        filename: 'kotveny.pdf',
        sizeBytes: 48213,
        issuedAt: '2023-03-10T10:00:00Z',
        readAt: null,
      },
    ],
    changeRequests: [],
    ...overrides,
  };
}

export function changeResult(policyId: number): PolicyChangeResult {
  return {
    policyId,
    changes: [
      {
        id: 'cr-1',
        policyId,
        kind: 'payment_method',
        oldValue: 'bank_transfer',
        newValue: 'card',
        status: 'applied',
        reviewReason: null,
        createdAt: '2026-05-01T10:00:00Z',
        decidedAt: '2026-05-01T10:00:00Z',
      },
      {
        id: 'cr-2',
        policyId,
        kind: 'payment_frequency',
        oldValue: 'quarterly',
        newValue: 'monthly',
        status: 'pending',
        reviewReason: 'frequency_to_monthly',
        createdAt: '2026-05-01T10:00:00Z',
        decidedAt: null,
      },
    ],
    confirmation: { documentId: 'doc-9', notificationId: 'n-9' },
  };
}
