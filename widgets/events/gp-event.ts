/** The base of the widgets' events: bubbling and composed, so a page can listen on `document`. */
export abstract class GpEvent extends Event {
  constructor(type: string, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}
