import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { portalContext } from '../context/portal-context.ts';
import { formatDate, formatHuf, type DateStyle } from '../i18n/format.ts';
import { DEFAULT_LANG, LOCALES, type Lang } from '../i18n/lang.ts';
import { hasParts, loadPack, type TermPart } from '../i18n/packs.ts';
import { isTermKey, translate } from '../i18n/translate.ts';
import type { TermArgs, TermKey } from '../i18n/translation.ts';

export interface LocalizeOptions {
  /**
   * Where the language comes from. Omit it in widgets: the controller then subscribes to the
   * enclosing `<gp-portal>`'s context and re-renders its host whenever the language changes.
   * `<gp-portal>` itself passes its own `lang` property.
   */
  lang?: () => Lang;
  /** The parts of the pack the element needs besides the core (a lazily defined widget's own terms). */
  parts?: readonly TermPart[];
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

  readonly #host: ReactiveControllerHost;
  readonly #parts: readonly TermPart[];

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions = {}) {
    this.#host = host;
    this.#ownLang = options.lang;
    this.#parts = options.parts ?? [];
    // subscribe: true makes the consumer call host.requestUpdate() on every new context value.
    this.#portal = options.lang ? undefined : new ContextConsumer(host, { context: portalContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {}

  /** Before each render: if this language's pack (or a part the element needs) has not arrived, fetch it and render again then. */
  hostUpdate(): void {
    this.load();
  }

  /** Whether the element's strings are here; if not, fetches them and renders the element again when they arrive. */
  load(): boolean {
    const lang = this.lang;
    if (hasParts(lang, this.#parts)) return true;
    Promise.all((['core', ...this.#parts] as const).map((part) => loadPack(lang, part))).then(
      () => this.#host.requestUpdate(),
      (error: unknown) => console.error(`GP widgets: the "${lang}" language pack could not be loaded`, error),
    );
    return false;
  }

  /** Whether the strings of the current language have arrived (until then terms are empty). */
  get ready(): boolean {
    return hasParts(this.lang, this.#parts);
  }

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

  /**
   * The customer-facing message for a failure: `problem.<code>` when the code has a term, else
   * a general message by status. Never the API's own (English, technical) text.
   */
  problem(error: unknown): string {
    const { code, status } = problemInfo(error);
    const key = `problem.${code}`;
    if (isTermKey(key)) return this.term(key as 'problem.generic');
    if (status >= 500) return this.term('problem.server_error');
    if (status === 404) return this.term('problem.not_found');
    return this.term('problem.generic');
  }

  /** The message for one refused field (`field.<code>`), or a general one. */
  fieldProblem(code: string): string {
    const key = `field.${code}`;
    return isTermKey(key) ? this.term(key as 'field.invalid') : this.term('field.invalid');
  }

  money(amount: number): string {
    return formatHuf(amount, this.lang);
  }

  date(value: Date | string, style?: DateStyle): string {
    return formatDate(value, this.lang, style);
  }
}

/** The code and status of anything thrown: an ApiProblem's own, else `internal_error`. */
function problemInfo(error: unknown): { code: string; status: number } {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const status = 'status' in error && typeof error.status === 'number' ? error.status : 0;
    return { code: error.code, status };
  }
  return { code: 'internal_error', status: 0 };
}
