export * from './errors.ts';
export * from './deliver-document.ts';
export * from './deliver-uploaded-document.ts';
export * from './document-input.ts';
export * from './issue-document.ts';
export * from './issue-bulk.ts';
export { createDocumentRenderer, type DocumentRenderer, type RendererOptions } from './render-pool.ts';
export type { DeliverySource } from './audit.ts';
