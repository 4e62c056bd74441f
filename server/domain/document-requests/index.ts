export * from './rules.ts';
export * from './request-view.ts';
export { requestableTypes, type RequestableType, type RequestableTypesArgs } from './requestable-types.ts';
export { requestDocument, type RequestDocumentArgs, type RequestDocumentOptions, type RequestDocumentResult } from './request-document.ts';
export { listDocumentRequests, getDocumentRequest, type ListDocumentRequestsArgs, type GetDocumentRequestArgs } from './list-document-requests.ts';
