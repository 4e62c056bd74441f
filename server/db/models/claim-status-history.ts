import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Claim, ClaimStatus } from './claim.ts';

/** One step of a claim's life. The id is a bigserial: pg returns it as a string. */
export class ClaimStatusHistory extends Model<InferAttributes<ClaimStatusHistory>, InferCreationAttributes<ClaimStatusHistory>> {
  declare id: CreationOptional<string>;
  declare claimId: number;
  declare status: ClaimStatus;
  declare note: string | null;
  declare createdAt: CreationOptional<Date>;

  declare claim?: NonAttribute<Claim>;

  static initModel(sequelize: Sequelize) {
    ClaimStatusHistory.init(
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        claimId: { type: DataTypes.INTEGER, allowNull: false },
        status: { type: DataTypes.TEXT, allowNull: false },
        note: { type: DataTypes.TEXT },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'claim_status_history', timestamps: true, updatedAt: false },
    );
  }
}
