/**
 * Runs `callback` once the page has loaded and then had a quiet moment (2 s after `load`, then
 * an idle period where the browser reports one): for work the first screen does not need, such
 * as defining the widgets nobody is looking at yet, or preparing the views the customer has not
 * opened, so that it never competes with the first rows.
 */
export function afterPageSettles(callback: () => void): void {
  const idle = (): void => void setTimeout(() => (window.requestIdleCallback ?? setTimeout)(callback), 2000);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
