import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Invoice } from './invoice.ts';
import type { Payment } from './payment.ts';

/** The part of a payment that settles one invoice (primary key: payment and invoice). */
export class PaymentInvoice extends Model<InferAttributes<PaymentInvoice>, InferCreationAttributes<PaymentInvoice>> {
  declare paymentId: string;
  declare invoiceId: number;
  declare amountHuf: number;

  declare payment?: NonAttribute<Payment>;
  declare invoice?: NonAttribute<Invoice>;

  static initModel(sequelize: Sequelize) {
    PaymentInvoice.init(
      {
        paymentId: { type: DataTypes.UUID, allowNull: false, primaryKey: true },
        invoiceId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
        amountHuf: { type: DataTypes.INTEGER, allowNull: false },
      },
      { sequelize, tableName: 'payment_invoices' },
    );
  }
}
