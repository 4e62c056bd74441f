import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { PaymentFrequency, PaymentMethod } from '../../domain/products.ts';
import type { Customer, PostalAddress } from './customer.ts';
import type { PartnerClient } from './partner-client.ts';
import type { Policy } from './policy.ts';

export type ChangeRequestKind = 'payment_method' | 'payment_frequency' | 'correspondence_address';
export type ChangeRequestStatus = 'applied' | 'pending' | 'rejected';

/** The changed value, by `kind`: a payment method or frequency code, or a postal address. */
export type ChangeRequestValue = PaymentMethod | PaymentFrequency | PostalAddress;

export class ChangeRequest extends Model<InferAttributes<ChangeRequest>, InferCreationAttributes<ChangeRequest>> {
  declare id: CreationOptional<string>;
  declare policyId: number;
  declare customerId: number;
  declare kind: ChangeRequestKind;
  declare oldValue: ChangeRequestValue | null;
  declare newValue: ChangeRequestValue;
  declare status: ChangeRequestStatus;
  declare clientId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare decidedAt: Date | null;
  /** Why a change waits for back-office review (e.g. frequency_to_monthly). */
  declare reviewReason: string | null;

  declare policy?: NonAttribute<Policy>;
  declare customer?: NonAttribute<Customer>;
  declare client?: NonAttribute<PartnerClient | null>;

  static initModel(sequelize: Sequelize) {
    ChangeRequest.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        policyId: { type: DataTypes.INTEGER, allowNull: false },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        kind: { type: DataTypes.TEXT, allowNull: false },
        oldValue: { type: DataTypes.JSONB },
        newValue: { type: DataTypes.JSONB, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        clientId: { type: DataTypes.TEXT },
        createdAt: { type: DataTypes.DATE },
        decidedAt: { type: DataTypes.DATE },
        reviewReason: { type: DataTypes.TEXT },
      },
      { sequelize, tableName: 'change_requests', timestamps: true, updatedAt: false },
    );
  }
}
