/**
 * Where keyboard focus was when the log-in popup opened, and a way back to it once the popup is
 * gone: the popup takes the focus away, and the button that opened it is often disabled or
 * replaced meanwhile, which drops the focus to the page's top. A keyboard or screen-reader user
 * would then start over from the top of the partner's page.
 */
export function rememberFocus(): (fallback?: () => HTMLElement | null | undefined) => void {
  const before = deepActiveElement();
  return (fallback) => {
    (focusable(before) ? before : fallback?.())?.focus();
  };
}

/** The focused element, inside open shadow roots too (document.activeElement stops at the host). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** Still on the page, shown and enabled: a disabled button cannot take focus back. */
function focusable(element: HTMLElement | null): element is HTMLElement {
  return !!element && element.isConnected && !(element as HTMLButtonElement).disabled && element.checkVisibility?.() !== false;
}
