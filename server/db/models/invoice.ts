import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Customer } from './customer.ts';
import type { Payment } from './payment.ts';
import type { PaymentInvoice } from './payment-invoice.ts';
import type { Policy } from './policy.ts';

/** "Overdue" is not a status: it is an open invoice whose due date has passed. */
export type InvoiceStatus = 'open' | 'paid' | 'cancelled';

/** `paidAt` is set exactly when `status` is `paid` (a check constraint). */
export class Invoice extends Model<InferAttributes<Invoice>, InferCreationAttributes<Invoice>> {
  declare id: CreationOptional<number>;
  declare invoiceNumber: string;
  declare policyId: number;
  declare customerId: number;
  declare periodStart: string;
  declare periodEnd: string;
  declare amountHuf: number;
  declare dueDate: string;
  declare status: InvoiceStatus;
  declare paidAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  declare policy?: NonAttribute<Policy>;
  declare customer?: NonAttribute<Customer>;
  declare payments?: NonAttribute<Payment[]>;
  declare paymentInvoices?: NonAttribute<PaymentInvoice[]>;

  static initModel(sequelize: Sequelize) {
    Invoice.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        invoiceNumber: { type: DataTypes.TEXT, allowNull: false, unique: true },
        policyId: { type: DataTypes.INTEGER, allowNull: false },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        periodStart: { type: DataTypes.DATEONLY, allowNull: false },
        periodEnd: { type: DataTypes.DATEONLY, allowNull: false },
        amountHuf: { type: DataTypes.INTEGER, allowNull: false },
        dueDate: { type: DataTypes.DATEONLY, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        paidAt: { type: DataTypes.DATE },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'invoices', timestamps: true, updatedAt: false },
    );
  }
}
