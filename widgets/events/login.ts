import type { SessionCustomer } from '../api/schemas.ts';
import { GpEvent } from './gp-event.ts';

/** A customer logged in (or a page load found their session). `event.customer` has no secret in it. */
export class GpLoginEvent extends GpEvent {
  static readonly eventName = 'gp-login';
  readonly customer: SessionCustomer;
  /** `login`: the customer just logged in; `restored`: the page found an existing session. */
  readonly reason: 'login' | 'restored';

  constructor(customer: SessionCustomer, reason: 'login' | 'restored') {
    super(GpLoginEvent.eventName);
    this.customer = customer;
    this.reason = reason;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-login': GpLoginEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-login': GpLoginEvent;
  }
}
