import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterPageSettles } from './after-page-settles.ts';

/**
 * Whether a widget is worth rendering yet. One that the page hides (inside a `hidden` view of
 * the standalone page, a closed tab of a partner's page: an ancestor with the `hidden` attribute)
 * renders and loads nothing until it is shown, or until the page has loaded and settled (then
 * it prepares itself, so that opening it later is instant; a widget added to a hidden part later
 * waits for the next quiet moment). The first screen's rows then wait for no widget nobody sees yet.
 *
 * Only the page's own ancestors count: `<gp-portal>` keeps its content hidden while it checks
 * the session, and the widgets on screen load alongside that check.
 */
export class ShownController implements ReactiveController {
  #shown = false;
  #decided = false;
  #observer: IntersectionObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * True once the widget may render. Decided at the widget's first update, not when it is
   * connected, so that a page script that hides parts of the page as it starts is heard.
   */
  get value(): boolean {
    if (!this.#decided) this.#decide();
    return this.#shown;
  }

  hostConnected(): void {
    this.#decided = this.#shown;
  }

  hostDisconnected(): void {
    this.#stopWatching();
  }

  /** Renders the widget from now on. */
  show(): void {
    if (this.#shown) return;
    this.#shown = this.#decided = true;
    this.#stopWatching();
    this.host.requestUpdate();
  }

  #decide(): void {
    this.#decided = true;
    if (!hiddenByPage(this.host)) {
      this.#shown = true;
      return;
    }
    // Intersecting anywhere on the page (the margin covers any scroll position) means it has a box: shown.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.show(), { rootMargin: '100000px' });
    observer.observe(this.host);
    this.#observer = observer;
    // Still waiting (not shown, not disconnected) once the page has settled: get ready.
    afterPageSettles(() => this.#observer === observer && this.show());
  }

  #stopWatching(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}

/**
 * Whether the element or an ancestor of it in the page's own tree (across shadow roots) carries
 * the `hidden` attribute: how the standalone page hides its views and how tabs and disclosures
 * usually hide their panels. An attribute, not the computed style: asking for styles while
 * the widgets render would make the browser recompute the page's styles once per widget. (A part
 * of the page hidden by a class of its own renders at once, as every widget did before.)
 */
function hiddenByPage(element: Element): boolean {
  for (let at: Element | null = element; at; at = parentInPage(at)) {
    if (at.hasAttribute('hidden')) return true;
  }
  return false;
}

function parentInPage(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
