import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { portalContext } from '../context/portal-context.ts';
import { formatDate, formatHuf, type DateStyle } from './format.ts';
import { DEFAULT_LANG, LOCALES, type Lang } from './lang.ts';
import { translate } from './translate.ts';
import type { TermArgs, TermKey } from './translation.ts';

export interface LocalizeOptions {
  /**
   * Where the language comes from. Omit it in widgets: the controller then subscribes to the
   * enclosing `<gp-portal>`'s context and re-renders its host whenever the language changes.
   * `<gp-portal>` itself passes its own `lang` property.
   */
  lang?: () => Lang;
}

/**
 * Gives an element its strings and `Intl` formatting in the current language.
 * Outside a `<gp-portal>` the language is Hungarian.
 *
 * Put `lang=${this.localize.lang}` on the element's outermost shadow node, so that screen
 * readers pronounce the text in its language whatever the page's language is.
 */
export class LocalizeController implements ReactiveController {
  readonly #ownLang: (() => Lang) | undefined;
  readonly #portal: ContextConsumer<typeof portalContext, ReactiveControllerHost & HTMLElement> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions = {}) {
    this.#ownLang = options.lang;
    // subscribe: true makes the consumer call host.requestUpdate() on every new context value.
    this.#portal = options.lang ? undefined : new ContextConsumer(host, { context: portalContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {}

  get lang(): Lang {
    return this.#ownLang?.() ?? this.#portal?.value?.lang ?? DEFAULT_LANG;
  }

  /** The `Intl` locale of the current language (`hu-HU`, `en-GB`). */
  get locale(): string {
    return LOCALES[this.lang];
  }

  term<K extends TermKey>(key: K, ...args: TermArgs<K>): string {
    return translate(this.lang, key, ...args);
  }

  money(amount: number): string {
    return formatHuf(amount, this.lang);
  }

  date(value: Date | string, style?: DateStyle): string {
    return formatDate(value, this.lang, style);
  }
}
