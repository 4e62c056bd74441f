import { GpEvent } from './gp-event.ts';

/** The customer opened a mailbox document (its PDF). */
export class GpDocumentOpenedEvent extends GpEvent {
  static readonly eventName = 'gp-document-opened';
  /** The document's id (a UUID). */
  readonly documentId: string;
  /** The document type's code (`kotveny`, `dijbekero` …). */
  readonly documentType: string;

  constructor(documentId: string, documentType: string) {
    super(GpDocumentOpenedEvent.eventName);
    this.documentId = documentId;
    this.documentType = documentType;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-document-opened': GpDocumentOpenedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-document-opened': GpDocumentOpenedEvent;
  }
}
