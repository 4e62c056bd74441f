import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { CancelReason } from '../../domain/cancel-reasons.ts';
import type { InsuredObject } from '../../domain/insured-object.ts';
import type { PaymentFrequency, PaymentMethod, ProductCode } from '../../domain/products.ts';
import type { Broker } from './broker.ts';
import type { ChangeRequest } from './change-request.ts';
import type { Claim } from './claim.ts';
import type { Customer, PostalAddress } from './customer.ts';
import type { Document } from './document.ts';
import type { DocumentRequest } from './document-request.ts';
import type { Invoice } from './invoice.ts';

export type { InsuredObject, InsuredProperty, InsuredTravel, InsuredVehicle } from '../../domain/insured-object.ts';
export type { CancelReason, PaymentFrequency, PaymentMethod, ProductCode };

export type PolicyStatus = 'active' | 'cancelled';

/** A contract. `cancelledAt` is set exactly when `status` is `cancelled` (a check constraint). */
export class Policy extends Model<InferAttributes<Policy>, InferCreationAttributes<Policy>> {
  declare id: CreationOptional<number>;
  declare policyNumber: string;
  declare customerId: number;
  declare brokerId: number | null;
  declare product: ProductCode;
  declare status: PolicyStatus;
  declare startDate: string;
  declare endDate: string | null;
  declare cancelledAt: string | null;
  declare cancelReason: CancelReason | null;
  declare annualPremiumHuf: number;
  declare paymentFrequency: PaymentFrequency;
  declare paymentMethod: PaymentMethod;
  declare insuredObject: InsuredObject;
  declare correspondenceAddress: PostalAddress | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare customer?: NonAttribute<Customer>;
  declare broker?: NonAttribute<Broker | null>;
  declare invoices?: NonAttribute<Invoice[]>;
  declare claims?: NonAttribute<Claim[]>;
  declare documents?: NonAttribute<Document[]>;
  declare documentRequests?: NonAttribute<DocumentRequest[]>;
  declare changeRequests?: NonAttribute<ChangeRequest[]>;

  static initModel(sequelize: Sequelize) {
    Policy.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        policyNumber: { type: DataTypes.TEXT, allowNull: false, unique: true },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        brokerId: { type: DataTypes.INTEGER },
        product: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        startDate: { type: DataTypes.DATEONLY, allowNull: false },
        endDate: { type: DataTypes.DATEONLY },
        cancelledAt: { type: DataTypes.DATEONLY },
        cancelReason: { type: DataTypes.TEXT },
        annualPremiumHuf: { type: DataTypes.INTEGER, allowNull: false },
        paymentFrequency: { type: DataTypes.TEXT, allowNull: false },
        paymentMethod: { type: DataTypes.TEXT, allowNull: false },
        insuredObject: { type: DataTypes.JSONB, allowNull: false },
        correspondenceAddress: { type: DataTypes.JSONB },
        createdAt: { type: DataTypes.DATE },
        updatedAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'policies', timestamps: true },
    );
  }
}
