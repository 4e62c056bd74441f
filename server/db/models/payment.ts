import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Customer } from './customer.ts';
import type { Invoice } from './invoice.ts';
import type { PartnerClient } from './partner-client.ts';
import type { PaymentInvoice } from './payment-invoice.ts';

export type PaymentStatus = 'pending' | 'succeeded' | 'declined' | 'cancelled' | 'failed';

/** One payment attempt at a provider; unique per (customer, idempotency key) and per (provider, reference). */
export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<string>;
  declare customerId: number;
  declare provider: string;
  declare providerReference: string | null;
  declare idempotencyKey: string;
  declare amountHuf: number;
  declare status: PaymentStatus;
  declare clientId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare completedAt: Date | null;
  declare redirectUrl: string | null;
  declare expiresAt: Date | null;
  /** Set when the provider took money for invoices another payment had already settled. */
  declare refundDueHuf: CreationOptional<number>;
  declare receiptDocumentId: string | null;

  declare customer?: NonAttribute<Customer>;
  declare client?: NonAttribute<PartnerClient | null>;
  declare invoices?: NonAttribute<Invoice[]>;
  declare paymentInvoices?: NonAttribute<PaymentInvoice[]>;

  static initModel(sequelize: Sequelize) {
    Payment.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        provider: { type: DataTypes.TEXT, allowNull: false },
        providerReference: { type: DataTypes.TEXT },
        idempotencyKey: { type: DataTypes.TEXT, allowNull: false },
        amountHuf: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        clientId: { type: DataTypes.TEXT },
        createdAt: { type: DataTypes.DATE },
        completedAt: { type: DataTypes.DATE },
        redirectUrl: { type: DataTypes.TEXT },
        expiresAt: { type: DataTypes.DATE },
        refundDueHuf: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        receiptDocumentId: { type: DataTypes.UUID },
      },
      { sequelize, tableName: 'payments', timestamps: true, updatedAt: false },
    );
  }
}
