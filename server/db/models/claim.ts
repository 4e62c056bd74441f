import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { ClaimType } from '../../domain/products.ts';
import type { ClaimAttachment } from './claim-attachment.ts';
import type { ClaimStatusHistory } from './claim-status-history.ts';
import type { Customer } from './customer.ts';
import type { PartnerClient } from './partner-client.ts';
import type { Policy } from './policy.ts';

export type { ClaimType };
export type ClaimStatus = 'received' | 'in_review' | 'approved' | 'rejected' | 'paid' | 'closed';
export type ContactPreference = 'email' | 'phone' | 'post';

/** Whatever the customer knows of the other party (all optional). */
export interface ClaimOtherParty {
  name?: string;
  plate?: string;
  insurer?: string;
  policyNumber?: string;
}

export class Claim extends Model<InferAttributes<Claim>, InferCreationAttributes<Claim>> {
  declare id: CreationOptional<number>;
  declare claimNumber: string;
  declare policyId: number;
  declare customerId: number;
  declare claimType: ClaimType;
  declare occurredAt: Date;
  declare place: string;
  declare description: string;
  declare estimatedDamageHuf: number | null;
  declare otherParty: ClaimOtherParty | null;
  declare contactPreference: CreationOptional<ContactPreference>;
  declare status: ClaimStatus;
  declare clientId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare acknowledgementDocumentId: string | null;

  declare policy?: NonAttribute<Policy>;
  declare customer?: NonAttribute<Customer>;
  declare client?: NonAttribute<PartnerClient | null>;
  declare statusHistory?: NonAttribute<ClaimStatusHistory[]>;
  declare attachments?: NonAttribute<ClaimAttachment[]>;

  static initModel(sequelize: Sequelize) {
    Claim.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        claimNumber: { type: DataTypes.TEXT, allowNull: false, unique: true },
        policyId: { type: DataTypes.INTEGER, allowNull: false },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        claimType: { type: DataTypes.TEXT, allowNull: false },
        occurredAt: { type: DataTypes.DATE, allowNull: false },
        place: { type: DataTypes.TEXT, allowNull: false },
        description: { type: DataTypes.TEXT, allowNull: false },
        estimatedDamageHuf: { type: DataTypes.INTEGER },
        otherParty: { type: DataTypes.JSONB },
        contactPreference: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'email' },
        status: { type: DataTypes.TEXT, allowNull: false },
        clientId: { type: DataTypes.TEXT },
        createdAt: { type: DataTypes.DATE },
        updatedAt: { type: DataTypes.DATE },
        acknowledgementDocumentId: { type: DataTypes.UUID },
      },
      { sequelize, tableName: 'claims', timestamps: true },
    );
  }
}
