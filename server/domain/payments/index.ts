export * from './context.ts';
export * from './invoices.ts';
export * from './payments.ts';
export * from './webhook.ts';
export { decide, type PaymentStatus, type WebhookDecision } from './state-machine.ts';
export type { PaymentAuditAction } from './audit.ts';
