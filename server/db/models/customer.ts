import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Account } from './account.ts';
import type { Claim } from './claim.ts';
import type { Document } from './document.ts';
import type { Invoice } from './invoice.ts';
import type { Policy } from './policy.ts';

export interface PostalAddress {
  postcode: string;
  city: string;
  addressLine: string;
}

export class Customer extends Model<InferAttributes<Customer>, InferCreationAttributes<Customer>> {
  declare id: CreationOptional<number>;
  declare customerNumber: string;
  declare kind: 'person' | 'company';
  declare name: string;
  declare birthDate: string | null;
  declare taxNumber: string | null;
  declare postcode: string;
  declare city: string;
  declare addressLine: string;
  declare correspondenceAddress: PostalAddress | null;
  declare email: string | null;
  declare phone: string | null;
  declare language: CreationOptional<'hu' | 'en'>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare account?: NonAttribute<Account | null>;
  declare policies?: NonAttribute<Policy[]>;
  declare invoices?: NonAttribute<Invoice[]>;
  declare claims?: NonAttribute<Claim[]>;
  declare documents?: NonAttribute<Document[]>;

  static initModel(sequelize: Sequelize) {
    Customer.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        customerNumber: { type: DataTypes.TEXT, allowNull: false, unique: true },
        kind: { type: DataTypes.TEXT, allowNull: false },
        name: { type: DataTypes.TEXT, allowNull: false },
        birthDate: { type: DataTypes.DATEONLY },
        taxNumber: { type: DataTypes.TEXT },
        postcode: { type: DataTypes.TEXT, allowNull: false },
        city: { type: DataTypes.TEXT, allowNull: false },
        addressLine: { type: DataTypes.TEXT, allowNull: false },
        correspondenceAddress: { type: DataTypes.JSONB },
        email: { type: DataTypes.TEXT },
        phone: { type: DataTypes.TEXT },
        language: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'hu' },
        createdAt: { type: DataTypes.DATE },
        updatedAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'customers', timestamps: true },
    );
  }
}
