import { html, type TemplateResult } from 'lit';
import { GpNavigateEvent, type GpView } from '../events/navigate.ts';

export interface NavigateLink {
  /** The element that fires `gp-navigate`. */
  host: HTMLElement;
  view: GpView;
  /** The document, claim or contract it leads to. */
  id?: string;
  label: string;
  /** Where the page shows that view (its `*-href`); without one the item is a button. */
  href?: string;
  part: string;
  className: 'link' | 'button';
}

/**
 * An item that leads to another widget: a link when the page gave an address for the view, else
 * a button; a plain click fires `gp-navigate` first, and a page that handles it (shows the widget
 * itself) keeps the link from being followed. Modified clicks (a new tab) are left to the browser.
 */
export function navigateLink(o: NavigateLink): TemplateResult {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!o.host.dispatchEvent(new GpNavigateEvent(o.view, o.id))) event.preventDefault();
  };
  return o.href
    ? html`<a part=${o.part} class=${o.className} href=${o.href} @click=${onClick}>${o.label}</a>`
    : html`<button part=${o.part} class=${o.className} type="button" @click=${onClick}>${o.label}</button>`;
}
