import { GpEvent } from './gp-event.ts';

/** The widgets an overview item leads to. */
export type GpView = 'invoices' | 'mailbox' | 'claims' | 'policies';

/**
 * The customer chose an item of `<gp-overview>` that leads to another widget: `view` names it,
 * `id` the document, claim or contract when there is one. Bubbles, composed, cancelable: a page
 * that shows the widgets itself (tabs, one area at a time) handles it and calls
 * `preventDefault()`; otherwise the overview follows the link the page gave for that view
 * (`invoices-href` …), if any.
 */
export class GpNavigateEvent extends GpEvent {
  static readonly eventName = 'gp-navigate';

  readonly view: GpView;
  readonly id: string | undefined;

  constructor(view: GpView, id?: string) {
    super(GpNavigateEvent.eventName, { cancelable: true });
    this.view = view;
    this.id = id;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-navigate': GpNavigateEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-navigate': GpNavigateEvent;
  }
}
