import type { Overview } from '../../../../widgets/api/schemas.ts';

/** An overview with something in every tile, and one with nothing to do. */
export const BUSY: Overview = {
  premium: {
    totalHuf: 61_400,
    count: 3,
    overdueHuf: 18_200,
    overdueCount: 1,
    nextDue: { invoiceId: 41, policyNumber: 'GP-KGFB-0001', dueDate: '2027-01-15', amountHuf: 21_600 },
  },
  documents: { unreadCount: 2, latestUnread: { id: '0b6f3c1e-5d2a-4f7b-9a41-2c8d7e6f1a90', title: 'Díjbekérő 2027/01', issuedAt: '2026-12-01T09:00:00Z' } },
  claims: {
    openCount: 1,
    open: [
      {
        id: 7,
        claimNumber: 'KAR-2026-000007',
        policyNumber: 'GP-CASCO-0002',
        product: 'casco',
        status: 'in_review',
        waitingFor: 'assessment',
        reportedAt: '2026-11-20T10:00:00Z',
      },
    ],
  },
  renewals: [{ policyId: 5, policyNumber: 'GP-HOME-0005', product: 'home', kind: 'anniversary', date: '2027-01-05', daysLeft: 30 }],
  broker: { name: 'Biztos Pont Alkusz Kft.', phone: '+36 1 555 0142', email: 'ugyfelszolgalat@biztospont.example', website: 'https://biztospont.example' },
  actionCount: 5,
};

export const QUIET: Overview = {
  premium: { totalHuf: 0, count: 0, overdueHuf: 0, overdueCount: 0, nextDue: null },
  documents: { unreadCount: 0, latestUnread: null },
  claims: { openCount: 0, open: [] },
  renewals: [],
  broker: null,
  actionCount: 0,
};
