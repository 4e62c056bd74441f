import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Claim } from './claim.ts';

export class ClaimAttachment extends Model<InferAttributes<ClaimAttachment>, InferCreationAttributes<ClaimAttachment>> {
  declare id: CreationOptional<string>;
  declare claimId: number;
  declare filename: string;
  declare contentType: string;
  declare sizeBytes: number;
  /** Lower-case hex SHA-256 of `content`. */
  declare sha256: string;
  declare content: Buffer;
  declare createdAt: CreationOptional<Date>;

  declare claim?: NonAttribute<Claim>;

  static initModel(sequelize: Sequelize) {
    ClaimAttachment.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        claimId: { type: DataTypes.INTEGER, allowNull: false },
        filename: { type: DataTypes.TEXT, allowNull: false },
        contentType: { type: DataTypes.TEXT, allowNull: false },
        sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
        sha256: { type: DataTypes.TEXT, allowNull: false },
        content: { type: DataTypes.BLOB, allowNull: false },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'claim_attachments', timestamps: true, updatedAt: false },
    );
  }
}
