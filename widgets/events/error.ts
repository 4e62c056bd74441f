import { GpEvent } from './gp-event.ts';

/**
 * A widget could not do what the customer asked; the widget already shows a message.
 * `event.code` is the stable problem code (also the translation key), `event.status` the HTTP
 * status (0 when the API was not reached). No personal data is in it.
 */
export class GpErrorEvent extends GpEvent {
  static readonly eventName = 'gp-error';
  readonly code: string;
  readonly status: number;
  /** What the widget was doing (`load`, `pay`, `submit` …). */
  readonly action: string;

  constructor(code: string, status: number, action: string) {
    super(GpErrorEvent.eventName);
    this.code = code;
    this.status = status;
    this.action = action;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-error': GpErrorEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-error': GpErrorEvent;
  }
}
