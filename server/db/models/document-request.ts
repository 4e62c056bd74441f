import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { DocumentTypeCode } from '../../documents/types.ts';
import type { Customer } from './customer.ts';
import type { Document } from './document.ts';
import type { PartnerClient } from './partner-client.ts';
import type { Policy } from './policy.ts';

export type DocumentRequestStatus = 'pending' | 'fulfilled' | 'failed';

/** A customer's request for a document from the portal; `documentId` is set once it is issued. */
export class DocumentRequest extends Model<InferAttributes<DocumentRequest>, InferCreationAttributes<DocumentRequest>> {
  declare id: CreationOptional<string>;
  declare customerId: number;
  declare policyId: number | null;
  declare type: DocumentTypeCode;
  declare status: DocumentRequestStatus;
  declare documentId: string | null;
  declare clientId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare fulfilledAt: Date | null;
  declare failureReason: string | null;

  declare customer?: NonAttribute<Customer>;
  declare policy?: NonAttribute<Policy | null>;
  declare document?: NonAttribute<Document | null>;
  declare client?: NonAttribute<PartnerClient | null>;

  static initModel(sequelize: Sequelize) {
    DocumentRequest.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        policyId: { type: DataTypes.INTEGER },
        type: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        documentId: { type: DataTypes.UUID },
        clientId: { type: DataTypes.TEXT },
        createdAt: { type: DataTypes.DATE },
        fulfilledAt: { type: DataTypes.DATE },
        failureReason: { type: DataTypes.TEXT },
      },
      { sequelize, tableName: 'document_requests', timestamps: true, updatedAt: false },
    );
  }
}
