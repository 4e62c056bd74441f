import { portalLinks } from '../../notifications/links.ts';
import type { OutboxMessage } from '../../notifications/outbox.ts';
import type { DocumentTypeCode } from '../../kernel/document-types.ts';
import type { Language } from '../../../common/language.ts';

/**
 * The "a document has arrived" e-mail for one delivered document: subject = the type's name,
 * the body shows the customer number and a deep link carrying the document id; a customer
 * without a portal account also gets the registration link (the template adds
 * `customer=<number>`), one with an account only the log-in. No attachment, no other personal data.
 */
export interface NotificationRecipient {
  id: number;
  customerNumber: string;
  email: string | null;
  language: Language;
  /** Has a portal account: the e-mail leads to the log-in, not to registration. */
  hasAccount: boolean;
}

export function documentNotificationMessage(
  publicUrl: URL,
  customer: NotificationRecipient & { email: string },
  document: { id: string; type: DocumentTypeCode; policyNumber: string | null; issuedAt: string },
): OutboxMessage<'document_notification'> {
  const links = portalLinks(publicUrl);
  return {
    customerId: customer.id,
    to: customer.email,
    template: 'document_notification',
    language: customer.language,
    data: {
      customerNumber: customer.customerNumber,
      documentType: document.type,
      policyNumber: document.policyNumber,
      issuedAt: document.issuedAt,
      hasAccount: customer.hasAccount,
      loginUrl: links.document(document.id),
      registerUrl: links.register(),
    },
  };
}

/** A customer gets the e-mail when there is an address to send it to. */
export function hasEmail<T extends NotificationRecipient>(customer: T): customer is T & { email: string } {
  return typeof customer.email === 'string' && customer.email.trim().length > 0;
}
