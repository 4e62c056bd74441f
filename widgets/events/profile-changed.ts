import { GpEvent } from './gp-event.ts';

/**
 * The customer saved a change of their own data (`PATCH /me`). `event.changed` names what changed
 * (`phone`, `correspondenceAddress`, `language`), never the values: the data stays in the widget.
 */
export class GpProfileChangedEvent extends GpEvent {
  static readonly eventName = 'gp-profile-changed';
  readonly changed: readonly string[];

  constructor(changed: readonly string[]) {
    super(GpProfileChangedEvent.eventName);
    this.changed = changed;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-profile-changed': GpProfileChangedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-profile-changed': GpProfileChangedEvent;
  }
}
