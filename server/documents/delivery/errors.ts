/**
 * Why a document could not be issued, as a stable `code` (the CLI prints the message; an API
 * would answer the code as its problem type) and an operator-facing message that never names
 * the customer: numbers only, no name, e-mail or address.
 */
export type DocumentIssueErrorCode =
  | 'customer_not_found'
  | 'policy_not_found'
  | 'policy_not_of_customer'
  | 'policy_not_active'
  | 'type_needs_policy'
  | 'type_not_for_product'
  | 'type_not_issuable'
  | 'nothing_to_bill'
  | 'no_anniversary'
  | 'not_a_pdf'
  | 'file_too_large';

export class DocumentIssueError extends Error {
  constructor(
    readonly code: DocumentIssueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentIssueError';
  }
}

export function isDocumentIssueError(error: unknown, code?: DocumentIssueErrorCode): error is DocumentIssueError {
  return error instanceof DocumentIssueError && (code === undefined || error.code === code);
}
