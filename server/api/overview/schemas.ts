import { z } from '@hono/zod-openapi';
import { Outstanding } from '../payments/schemas.ts';

/** The overview's response (validation of nothing: it takes no input; /api/openapi.json). */
const Product = z.string().openapi({ description: 'Product code (kgfb, casco, home, travel).' });

export const OverviewSchema = z
  .object({
    premium: Outstanding.extend({
      nextDue: z
        .object({ invoiceId: z.number().int(), policyNumber: z.string(), dueDate: z.string().openapi({ format: 'date' }), amountHuf: z.number().int() })
        .nullable()
        .openapi({ description: 'The earliest open invoice that is not yet overdue' }),
    }),
    documents: z.object({
      unreadCount: z.number().int(),
      latestUnread: z.object({ id: z.string(), title: z.string(), issuedAt: z.string().openapi({ format: 'date-time' }) }).nullable(),
    }),
    claims: z.object({
      openCount: z.number().int().openapi({ description: 'Claims received, in review or approved (not yet paid)' }),
      open: z.array(
        z.object({
          id: z.number().int(),
          claimNumber: z.string(),
          policyNumber: z.string(),
          product: Product,
          status: z.enum(['received', 'in_review', 'approved']),
          waitingFor: z.enum(['assignment', 'assessment', 'payout']).openapi({ description: 'What the claim waits for, by its status' }),
          reportedAt: z.string().openapi({ format: 'date-time' }),
        }),
      ),
    }),
    renewals: z.array(
      z.object({
        policyId: z.number().int(),
        policyNumber: z.string(),
        product: Product,
        kind: z.enum(['anniversary', 'expiry']).openapi({ description: '`anniversary`: the insurance year turns; `expiry`: the contract ends' }),
        date: z.string().openapi({ format: 'date' }),
        daysLeft: z.number().int(),
      }),
    ),
    broker: z
      .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), website: z.string().nullable() })
      .nullable()
      .openapi({ description: "The broker's contact on a broker partner's site; null on the insurer's own portal" }),
    actionCount: z.number().int().openapi({ description: 'Open invoices plus unread documents: what a partner may badge its navigation with' }),
  })
  .openapi('Overview');
