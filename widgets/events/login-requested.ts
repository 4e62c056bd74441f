import type { LoginMode } from '../auth/login-mode.ts';

/**
 * The customer asked to log in (pressed a log-in button). Bubbles and crosses shadow roots,
 * so a host page can listen on `document`. Cancelable: `preventDefault()` tells the portal
 * the page handles the log-in itself.
 */
export class GpLoginRequestedEvent extends Event {
  static readonly eventName = 'gp-login-requested';

  /** How the portal is configured to log in: in a popup or with a full-page redirect. */
  readonly loginMode: LoginMode;

  constructor(loginMode: LoginMode) {
    super(GpLoginRequestedEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.loginMode = loginMode;
  }
}

// Typed `addEventListener` on elements, and (the event is composed) on document and window too.
declare global {
  interface HTMLElementEventMap {
    'gp-login-requested': GpLoginRequestedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-login-requested': GpLoginRequestedEvent;
  }
}
