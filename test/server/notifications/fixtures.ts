import type { OutboxMessage } from '../../../server/notifications/outbox.ts';

/** The n-th document notification of a bulk, to `customer<n>@example.com` (outbox and delivery tests). */
export const documentNotification = (n: number): OutboxMessage<'document_notification'> => ({
  customerId: null,
  to: `customer${n}@example.com`,
  template: 'document_notification',
  language: 'hu',
  data: {
    customerNumber: String(10_000_000 + n),
    documentType: 'dijbekero',
    policyNumber: `KGFB-${n}`,
    issuedAt: '2026-11-24',
    loginUrl: `http://localhost:3000/?view=levelezes&document=${n}`,
    registerUrl: 'http://localhost:3000/register',
  },
});
