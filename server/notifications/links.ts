/**
 * The portal URLs e-mails link to. One place, so the standalone page, the IdP's registration
 * page and the e-mails agree. The document id is a random UUID: it names the document, not
 * the customer, and opening it still needs a login.
 */
export function portalLinks(publicUrl: URL) {
  const origin = publicUrl.origin;
  return {
    portal: () => `${origin}/`,
    document: (documentId: string) => `${origin}/?view=levelezes&document=${encodeURIComponent(documentId)}`,
    /** The templates add `customer=<number>` where the e-mail is about a customer. */
    register: () => `${origin}/account/register`,
    login: () => `${origin}/`,
  };
}
