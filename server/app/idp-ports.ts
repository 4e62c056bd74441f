import type { Sequelize } from 'sequelize';
import type { AccountEmailData, IdpPorts } from '../../idp/ports.ts';
import { confirmEmailChange, peekEmailChange, undoEmailChange } from '../domain/profile/email-change.ts';
import { endCustomerSessions } from '../domain/session/end-sessions.ts';
import { enqueueNotification, messageIdDomain } from '../notifications/outbox.ts';
import type { TemplateData } from '../notifications/templates/index.ts';

/**
 * The wiring between the IdP and the server: what the IdP needs (`idp/ports.ts`), made of the
 * server's outbox, sessions and e-mail change. The only place besides `create-app.ts` that knows both.
 */
export function idpPorts(sequelize: Sequelize, publicUrl: URL): IdpPorts {
  const domain = messageIdDomain(publicUrl);
  return {
    async queueEmail(transaction, email) {
      if (email) await enqueueNotification(sequelize, transaction, email, domain);
      else await sequelize.query('select 1 from notifications where false', { transaction });
    },
    async endApiSessions(customerId, transaction, options) {
      await endCustomerSessions(sequelize, customerId, transaction, options);
    },
    emailChange: {
      peek: (token) => peekEmailChange(sequelize, token),
      confirm: (token, transaction) => confirmEmailChange(sequelize, token, transaction),
      undo: (token, transaction) => undoEmailChange(sequelize, token, transaction),
    },
  };
}

// Compile-time: every e-mail the IdP queues is one the server's templates render, with their data.
type Fits<T extends { [K in keyof AccountEmailData]: TemplateData[K] }> = T;
export type IdpEmailsFitTemplates = Fits<AccountEmailData>;
