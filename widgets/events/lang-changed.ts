import type { Lang } from '../i18n/lang.ts';

/**
 * The customer switched the portal's language. Bubbles and crosses shadow roots.
 * Fired only for the customer's choice, not when a page sets the `lang` attribute.
 */
export class GpLangChangedEvent extends Event {
  static readonly eventName = 'gp-lang-changed';

  readonly lang: Lang;
  readonly previousLang: Lang;

  constructor(lang: Lang, previousLang: Lang) {
    super(GpLangChangedEvent.eventName, { bubbles: true, composed: true });
    this.lang = lang;
    this.previousLang = previousLang;
  }
}

// Typed `addEventListener` on elements, and (the event is composed) on document and window too.
declare global {
  interface HTMLElementEventMap {
    'gp-lang-changed': GpLangChangedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-lang-changed': GpLangChangedEvent;
  }
}
