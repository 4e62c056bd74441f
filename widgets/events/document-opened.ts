import { GpEvent } from './gp-event.ts';

/** The customer opened a mailbox document (its PDF). */
export class GpDocumentOpenedEvent extends GpEvent {
  static readonly eventName = 'gp-document-opened';
  readonly documentId: number;
  /** The document type's code (`kotveny`, `dijbekero` …). */
  readonly documentType: string;

  constructor(documentId: number, documentType: string) {
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
