const warned = new Set<string>();

/**
 * Registers a custom element unless the name is taken, so loading a bundle twice (or the
 * all-in-one bundle next to a single-widget bundle) is harmless.
 *
 * If another class already owns the name (a second, different copy of the SDK on the page),
 * the first one stays and a warning names the problem once.
 */
export function defineElement(tagName: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, element);
    return;
  }
  if (existing !== element && !warned.has(tagName)) {
    warned.add(tagName);
    console.warn(`<${tagName}> is already defined by another copy of the GP widgets; this copy was not registered. ` + 'Load the SDK from one URL only.');
  }
}
