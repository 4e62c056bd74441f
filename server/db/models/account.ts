import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { AccountToken } from './account-token.ts';
import type { Customer } from './customer.ts';

/** A customer's login (one per customer). Usernames are unique case-insensitively (`lower(username)` index). */
export class Account extends Model<InferAttributes<Account>, InferCreationAttributes<Account>> {
  declare id: CreationOptional<string>;
  declare customerId: number;
  declare username: string;
  declare passwordHash: string;
  declare emailVerifiedAt: Date | null;
  declare failedLogins: CreationOptional<number>;
  declare lockedUntil: Date | null;
  declare passwordChangedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare customer?: NonAttribute<Customer>;
  declare tokens?: NonAttribute<AccountToken[]>;

  static initModel(sequelize: Sequelize) {
    Account.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        customerId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
        username: { type: DataTypes.TEXT, allowNull: false },
        passwordHash: { type: DataTypes.TEXT, allowNull: false },
        emailVerifiedAt: { type: DataTypes.DATE },
        failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lockedUntil: { type: DataTypes.DATE },
        passwordChangedAt: { type: DataTypes.DATE },
        createdAt: { type: DataTypes.DATE },
        updatedAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'accounts', timestamps: true },
    );
  }
}
