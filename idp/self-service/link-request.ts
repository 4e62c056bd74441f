import type { Sequelize } from 'sequelize';
import type { AccountEmail, IdpPorts } from '../ports.ts';
import { issueToken, type IssuedToken, type TokenPurpose } from '../../common/accounts/account-tokens.ts';

/** The account a requested link goes to: the e-mail goes to its login. */
export interface LinkRecipient {
  id: string;
  customer_id: number;
  username: string;
}

/** An account e-mail without its recipient (each template with its own data). */
type LinkEmail = AccountEmail extends infer E ? (E extends AccountEmail ? Omit<E, 'customerId' | 'to'> : never) : never;

/**
 * Issues a single-use link for `recipient` and queues its e-mail in one transaction; with no
 * recipient, the same work for nobody (a token of no account, the outbox's round trip with
 * nothing to send), so the time of the answer does not tell whether an address has an account.
 * A new link stops the older unused ones of its purpose.
 */
export async function sendLinkOrNothing(
  sequelize: Sequelize,
  ports: IdpPorts,
  recipient: LinkRecipient | undefined,
  purpose: TokenPurpose,
  email: (link: IssuedToken) => LinkEmail,
): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    const content = email(await issueToken(sequelize, transaction, recipient?.id ?? null, purpose));
    await ports.queueEmail(transaction, recipient ? { ...content, customerId: recipient.customer_id, to: recipient.username } : null);
  });
}
