import { afterPageSettles } from './after-page-settles.ts';

/**
 * Loads the module that defines a rarely used element only when the page needs it: when one of
 * its elements comes near the viewport (an element in a hidden area, like a view of the
 * standalone page the customer has not opened, waits), and at the latest once the page is idle
 * after loading (so elements the document cannot see, e.g. inside a partner's shadow root, are
 * defined too). Until then the element is an unknown one; the browser upgrades every element of
 * the tag when the definition arrives, so nothing is lost. Keeps the first render's download small.
 */
export function defineWhenShown(tag: string, load: () => Promise<unknown>): void {
  if (customElements.get(tag)) return;
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    near.disconnect();
    added.disconnect();
    load().catch((error: unknown) => console.error(`GP widgets: <${tag}> could not be loaded`, error));
  };
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '200px' });
  const watch = (): void => {
    for (const element of document.getElementsByTagName(tag)) near.observe(element);
  };
  const added = new MutationObserver(watch);
  added.observe(document, { childList: true, subtree: true });
  watch();
  afterPageSettles(start);
}
