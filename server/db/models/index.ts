import type { Sequelize } from 'sequelize';
import { Account } from './account.ts';
import { AccountToken } from './account-token.ts';
import { AuditEvent } from './audit-event.ts';
import { Broker } from './broker.ts';
import { ChangeRequest } from './change-request.ts';
import { Claim } from './claim.ts';
import { ClaimAttachment } from './claim-attachment.ts';
import { ClaimStatusHistory } from './claim-status-history.ts';
import { Customer } from './customer.ts';
import { Document } from './document.ts';
import { DocumentRequest } from './document-request.ts';
import { Invoice } from './invoice.ts';
import { Notification } from './notification.ts';
import { PartnerClient } from './partner-client.ts';
import { Payment } from './payment.ts';
import { PaymentInvoice } from './payment-invoice.ts';
import { Policy } from './policy.ts';

export * from './account.ts';
export * from './account-token.ts';
export * from './audit-event.ts';
export * from './broker.ts';
export * from './change-request.ts';
export * from './claim.ts';
export * from './claim-attachment.ts';
export * from './claim-status-history.ts';
export * from './customer.ts';
export * from './document.ts';
export * from './document-request.ts';
export * from './invoice.ts';
export * from './notification.ts';
export * from './partner-client.ts';
export * from './payment.ts';
export * from './payment-invoice.ts';
export * from './policy.ts';

/**
 * Every model of the domain. `oidc_models`, `bff_sessions`, `bff_login_states`, `rate_limits` and
 * `schema_migrations` have none on purpose: their owners reach them through raw SQL.
 */
export const models = {
  Broker,
  PartnerClient,
  Customer,
  Account,
  AccountToken,
  Policy,
  ChangeRequest,
  Invoice,
  Payment,
  PaymentInvoice,
  Claim,
  ClaimStatusHistory,
  ClaimAttachment,
  Document,
  DocumentRequest,
  Notification,
  AuditEvent,
} as const;

export type Models = typeof models;

let boundTo: Sequelize | undefined;

/**
 * Binds every model to `sequelize` and sets up the associations; calling it again with the same
 * instance does nothing.
 *
 * Limitation: sequelize model classes are process-wide singletons, so the models belong to ONE
 * Sequelize instance at a time. Calling this with another instance re-binds all of them to it (the
 * previous instance can no longer be used through the models). One database per process is the
 * design, so that is fine; tests get one process per test file.
 */
export function initModels(sequelize: Sequelize): Models {
  if (boundTo === sequelize) return models;

  for (const model of Object.values(models)) model.initModel(sequelize);
  associate();
  boundTo = sequelize;
  return models;
}

function associate(): void {
  // Explicit camelCase foreign keys (the attributes; `underscored` maps them to columns) and aliases.
  Broker.hasMany(PartnerClient, { foreignKey: 'brokerId', as: 'partnerClients' });
  PartnerClient.belongsTo(Broker, { foreignKey: 'brokerId', as: 'broker' });
  Broker.hasMany(Policy, { foreignKey: 'brokerId', as: 'policies' });
  Policy.belongsTo(Broker, { foreignKey: 'brokerId', as: 'broker' });

  Customer.hasOne(Account, { foreignKey: 'customerId', as: 'account' });
  Account.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
  Account.hasMany(AccountToken, { foreignKey: 'accountId', as: 'tokens' });
  AccountToken.belongsTo(Account, { foreignKey: 'accountId', as: 'account' });

  Customer.hasMany(Policy, { foreignKey: 'customerId', as: 'policies' });
  Policy.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });

  Policy.hasMany(ChangeRequest, { foreignKey: 'policyId', as: 'changeRequests' });
  ChangeRequest.belongsTo(Policy, { foreignKey: 'policyId', as: 'policy' });
  Customer.hasMany(ChangeRequest, { foreignKey: 'customerId', as: 'changeRequests' });
  ChangeRequest.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
  ChangeRequest.belongsTo(PartnerClient, { foreignKey: 'clientId', as: 'client' });

  Policy.hasMany(Invoice, { foreignKey: 'policyId', as: 'invoices' });
  Invoice.belongsTo(Policy, { foreignKey: 'policyId', as: 'policy' });
  Customer.hasMany(Invoice, { foreignKey: 'customerId', as: 'invoices' });
  Invoice.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });

  Customer.hasMany(Payment, { foreignKey: 'customerId', as: 'payments' });
  Payment.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
  Payment.belongsTo(PartnerClient, { foreignKey: 'clientId', as: 'client' });
  Payment.belongsToMany(Invoice, { through: PaymentInvoice, foreignKey: 'paymentId', otherKey: 'invoiceId', as: 'invoices' });
  Invoice.belongsToMany(Payment, { through: PaymentInvoice, foreignKey: 'invoiceId', otherKey: 'paymentId', as: 'payments' });
  Payment.hasMany(PaymentInvoice, { foreignKey: 'paymentId', as: 'paymentInvoices' });
  Invoice.hasMany(PaymentInvoice, { foreignKey: 'invoiceId', as: 'paymentInvoices' });
  PaymentInvoice.belongsTo(Payment, { foreignKey: 'paymentId', as: 'payment' });
  PaymentInvoice.belongsTo(Invoice, { foreignKey: 'invoiceId', as: 'invoice' });

  Policy.hasMany(Claim, { foreignKey: 'policyId', as: 'claims' });
  Claim.belongsTo(Policy, { foreignKey: 'policyId', as: 'policy' });
  Customer.hasMany(Claim, { foreignKey: 'customerId', as: 'claims' });
  Claim.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
  Claim.belongsTo(PartnerClient, { foreignKey: 'clientId', as: 'client' });
  Claim.hasMany(ClaimStatusHistory, { foreignKey: 'claimId', as: 'statusHistory' });
  ClaimStatusHistory.belongsTo(Claim, { foreignKey: 'claimId', as: 'claim' });
  Claim.hasMany(ClaimAttachment, { foreignKey: 'claimId', as: 'attachments' });
  ClaimAttachment.belongsTo(Claim, { foreignKey: 'claimId', as: 'claim' });

  Customer.hasMany(Document, { foreignKey: 'customerId', as: 'documents' });
  Document.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
  Policy.hasMany(Document, { foreignKey: 'policyId', as: 'documents' });
  Document.belongsTo(Policy, { foreignKey: 'policyId', as: 'policy' });

  Customer.hasMany(DocumentRequest, { foreignKey: 'customerId', as: 'documentRequests' });
  DocumentRequest.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
  Policy.hasMany(DocumentRequest, { foreignKey: 'policyId', as: 'documentRequests' });
  DocumentRequest.belongsTo(Policy, { foreignKey: 'policyId', as: 'policy' });
  DocumentRequest.belongsTo(Document, { foreignKey: 'documentId', as: 'document' });
  DocumentRequest.belongsTo(PartnerClient, { foreignKey: 'clientId', as: 'client' });

  Customer.hasMany(Notification, { foreignKey: 'customerId', as: 'notifications' });
  Notification.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });

  Customer.hasMany(AuditEvent, { foreignKey: 'customerId', as: 'auditEvents' });
  AuditEvent.belongsTo(Customer, { foreignKey: 'customerId', as: 'customer' });
}
