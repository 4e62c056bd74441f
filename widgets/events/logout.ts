import { GpEvent } from './gp-event.ts';

/** The session ended: the customer logged out (`logout`) or the API no longer knows it (`expired`). */
export class GpLogoutEvent extends GpEvent {
  static readonly eventName = 'gp-logout';
  readonly reason: 'logout' | 'expired';

  constructor(reason: 'logout' | 'expired') {
    super(GpLogoutEvent.eventName);
    this.reason = reason;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-logout': GpLogoutEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-logout': GpLogoutEvent;
  }
}
