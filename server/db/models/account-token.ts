import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Account } from './account.ts';

export type AccountTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** What a single-use link carries besides its purpose (`change_email`: the address to switch to). */
export interface AccountTokenPayload {
  newEmail?: string;
}

/** A single-use link; only the hash of the token is stored. */
export class AccountToken extends Model<InferAttributes<AccountToken>, InferCreationAttributes<AccountToken>> {
  declare id: CreationOptional<string>;
  declare accountId: string;
  declare purpose: AccountTokenPurpose;
  declare tokenHash: string;
  declare payload: CreationOptional<AccountTokenPayload>;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  declare account?: NonAttribute<Account>;

  static initModel(sequelize: Sequelize) {
    AccountToken.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        accountId: { type: DataTypes.UUID, allowNull: false },
        purpose: { type: DataTypes.TEXT, allowNull: false },
        tokenHash: { type: DataTypes.TEXT, allowNull: false, unique: true },
        payload: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: { type: DataTypes.DATE },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'account_tokens', timestamps: true, updatedAt: false },
    );
  }
}
