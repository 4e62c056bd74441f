export * from './document-view.ts';
export { listDocuments, type ListDocumentsArgs, type DocumentList } from './list-documents.ts';
export { openDocument, type OpenDocumentArgs, type OpenedDocument } from './open-document.ts';
export { recordMailboxAudit, type MailboxAuditAction, type MailboxAuditEvent } from './mailbox-audit.ts';
