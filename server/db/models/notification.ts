import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize } from 'sequelize';
import type { Customer } from './customer.ts';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** The template's variables (never the document itself: e-mails only point into the portal). */
export type NotificationData = Record<string, unknown>;

/** The transactional outbox: written with its cause, sent (and retried) by a worker. */
export class Notification extends Model<InferAttributes<Notification>, InferCreationAttributes<Notification>> {
  declare id: CreationOptional<string>;
  declare customerId: number | null;
  declare toAddress: string;
  declare template: string;
  declare language: CreationOptional<'hu' | 'en'>;
  declare data: CreationOptional<NotificationData>;
  /** The e-mail's Message-ID, unique so a retry never sends a second copy under a new id. */
  declare messageId: string;
  declare status: CreationOptional<NotificationStatus>;
  declare attempts: CreationOptional<number>;
  declare nextAttemptAt: CreationOptional<Date>;
  declare lastError: string | null;
  declare sentAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  declare customer?: NonAttribute<Customer | null>;

  static initModel(sequelize: Sequelize) {
    Notification.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        customerId: { type: DataTypes.INTEGER },
        toAddress: { type: DataTypes.TEXT, allowNull: false },
        template: { type: DataTypes.TEXT, allowNull: false },
        language: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'hu' },
        data: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        messageId: { type: DataTypes.TEXT, allowNull: false, unique: true },
        status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'pending' },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        // No model default: the database's now() (returned by the insert).
        nextAttemptAt: { type: DataTypes.DATE },
        lastError: { type: DataTypes.TEXT },
        sentAt: { type: DataTypes.DATE },
        createdAt: { type: DataTypes.DATE },
      },
      { sequelize, tableName: 'notifications', timestamps: true, updatedAt: false },
    );
  }
}
