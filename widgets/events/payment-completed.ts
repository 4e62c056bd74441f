import type { Payment } from '../api/schemas.ts';
import { GpEvent } from './gp-event.ts';

/** A payment reached its final state; `event.payment.status` tells whether it succeeded. */
export class GpPaymentCompletedEvent extends GpEvent {
  static readonly eventName = 'gp-payment-completed';
  readonly payment: Payment;

  constructor(payment: Payment) {
    super(GpPaymentCompletedEvent.eventName);
    this.payment = payment;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-payment-completed': GpPaymentCompletedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-payment-completed': GpPaymentCompletedEvent;
  }
}
