import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { DocumentTypeCode } from '../../documents/types.ts';
import type { Customer } from './customer.ts';
import type { Policy } from './policy.ts';

export type { DocumentTypeCode };
export type DocumentSource = 'seed' | 'system' | 'operations' | 'request';

/**
 * A document in the customer's mailbox (Levelezés). Immutable once issued: a trigger refuses any
 * change to `content`, `sha256`, `type`, `customerId` or `issuedAt`; only `readAt` (and the titles) may change.
 */
export class Document extends Model<InferAttributes<Document>, InferCreationAttributes<Document>> {
  declare id: CreationOptional<string>;
  declare customerId: number;
  declare policyId: number | null;
  declare type: DocumentTypeCode;
  declare title: string;
  declare filename: string;
  declare contentType: CreationOptional<string>;
  declare content: Buffer;
  declare sizeBytes: number;
  /** Lower-case hex SHA-256 of `content`. */
  declare sha256: string;
  declare source: DocumentSource;
  declare issuedAt: CreationOptional<Date>;
  declare readAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  declare customer?: NonAttribute<Customer>;
  declare policy?: NonAttribute<Policy | null>;

  static initModel(sequelize: Sequelize) {
    Document.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        customerId: { type: DataTypes.INTEGER, allowNull: false },
        policyId: { type: DataTypes.INTEGER },
        type: { type: DataTypes.TEXT, allowNull: false },
        title: { type: DataTypes.TEXT, allowNull: false },
        filename: { type: DataTypes.TEXT, allowNull: false },
        contentType: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'application/pdf' },
        content: { type: DataTypes.BLOB, allowNull: false },
        sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
        sha256: { type: DataTypes.TEXT, allowNull: false },
        source: { type: DataTypes.TEXT, allowNull: false },
        // No model default: the database's now() is the issue time (returned by the insert).
        issuedAt: { type: DataTypes.DATE },
        readAt: { type: DataTypes.DATE },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'documents', timestamps: true, updatedAt: false },
    );
  }
}
