import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Broker } from './broker.ts';

/** `broker`: the client sees only its broker's policies; `all`: every policy (the insurer's own portal). */
export type PolicyScope = 'broker' | 'all';

/** Free-form client settings (theme hints, contact links…) kept as jsonb. */
export type PartnerClientMetadata = Record<string, unknown>;

/** A broker partner's OIDC client (or the insurer's own portal, with `brokerId` null). */
export class PartnerClient extends Model<InferAttributes<PartnerClient>, InferCreationAttributes<PartnerClient>> {
  /** `^[a-z0-9][a-z0-9-]{1,62}$`. */
  declare clientId: string;
  declare brokerId: number | null;
  declare displayName: string;
  declare logoUrl: string | null;
  declare origins: CreationOptional<string[]>;
  declare redirectUris: CreationOptional<string[]>;
  declare postLogoutRedirectUris: CreationOptional<string[]>;
  declare policyScope: PolicyScope;
  declare clientSecret: string | null;
  declare metadata: CreationOptional<PartnerClientMetadata>;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare broker?: NonAttribute<Broker | null>;

  static initModel(sequelize: Sequelize) {
    PartnerClient.init(
      {
        clientId: { type: DataTypes.TEXT, allowNull: false, primaryKey: true },
        brokerId: { type: DataTypes.INTEGER },
        displayName: { type: DataTypes.TEXT, allowNull: false },
        logoUrl: { type: DataTypes.TEXT },
        origins: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        redirectUris: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        postLogoutRedirectUris: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        policyScope: { type: DataTypes.TEXT, allowNull: false },
        clientSecret: { type: DataTypes.TEXT },
        metadata: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        createdAt: { type: DataTypes.DATE },
        updatedAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'partner_clients', timestamps: true },
    );
  }
}
