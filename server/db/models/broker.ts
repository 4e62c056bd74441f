import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { PartnerClient } from './partner-client.ts';
import type { Policy } from './policy.ts';

export class Broker extends Model<InferAttributes<Broker>, InferCreationAttributes<Broker>> {
  declare id: CreationOptional<number>;
  /** `^[A-Z0-9]{3,12}$`. */
  declare code: string;
  declare name: string;
  declare createdAt: CreationOptional<Date>;

  declare partnerClients?: NonAttribute<PartnerClient[]>;
  declare policies?: NonAttribute<Policy[]>;

  static initModel(sequelize: Sequelize) {
    Broker.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.TEXT, allowNull: false, unique: true },
        name: { type: DataTypes.TEXT, allowNull: false },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'brokers', timestamps: true, updatedAt: false },
    );
  }
}
