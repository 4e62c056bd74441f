import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Customer } from './customer.ts';

export type AuditActorType = 'customer' | 'operator' | 'system';

/** Context of the event (never personal data beyond ids). */
export type AuditEventMetadata = Record<string, unknown>;

/** Append-only audit trail. The id is a bigserial: pg returns it as a string. */
export class AuditEvent extends Model<InferAttributes<AuditEvent>, InferCreationAttributes<AuditEvent>> {
  declare id: CreationOptional<string>;
  declare occurredAt: CreationOptional<Date>;
  declare actorType: AuditActorType;
  declare actorId: string | null;
  declare customerId: number | null;
  declare action: string;
  declare subjectType: string | null;
  declare subjectId: string | null;
  declare clientId: string | null;
  declare metadata: CreationOptional<AuditEventMetadata>;

  declare customer?: NonAttribute<Customer | null>;

  static initModel(sequelize: Sequelize) {
    AuditEvent.init(
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        // No model default: the database's now() (returned by the insert).
        occurredAt: { type: DataTypes.DATE },
        actorType: { type: DataTypes.TEXT, allowNull: false },
        actorId: { type: DataTypes.TEXT },
        customerId: { type: DataTypes.INTEGER },
        action: { type: DataTypes.TEXT, allowNull: false },
        subjectType: { type: DataTypes.TEXT },
        subjectId: { type: DataTypes.TEXT },
        clientId: { type: DataTypes.TEXT },
        metadata: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      },
      { sequelize, tableName: 'audit_events' },
    );
  }
}
