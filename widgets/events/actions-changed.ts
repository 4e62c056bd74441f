import { GpEvent } from './gp-event.ts';

/**
 * `<gp-overview>` counted what needs the customer's action: the open invoices plus the unread
 * documents (`count`). Fired after every load whose count differs from the last one announced,
 * and with 0 when the customer logs out, so that a partner can badge its own navigation.
 */
export class GpActionsChangedEvent extends GpEvent {
  static readonly eventName = 'gp-actions-changed';

  readonly count: number;

  constructor(count: number) {
    super(GpActionsChangedEvent.eventName);
    this.count = count;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-actions-changed': GpActionsChangedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-actions-changed': GpActionsChangedEvent;
  }
}
