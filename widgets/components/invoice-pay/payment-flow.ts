/** The fragment the hosted payment page sends the browser (or the popup) back to. */
export const RETURN_HASH = '#gp-payment-return';
/** sessionStorage key of the payment id across a redirect (an id, not a secret nor personal data). */
export const STORAGE_KEY = 'gp-payment';
/** The API's limit: invoices per payment. */
export const MAX_INVOICES = 20;

/** This page's address without its fragment. */
const here = () => location.href.replace(/#.*/, '');

/** Where the hosted page returns to: this page, with {@link RETURN_HASH}. */
export const returnUrl = (): string => here() + RETURN_HASH;

/** True when this page is the payment popup coming back: the caller closes the window. */
export function isPopupReturn(): boolean {
  return location.hash === RETURN_HASH && !!window.opener;
}

/**
 * After a redirect payment: removes the fragment from the address bar, and hands out (and forgets)
 * the stored payment id. Undefined when this page load is not a payment return.
 */
export function takeRedirectReturn(): string | undefined {
  if (location.hash !== RETURN_HASH || window.opener) return undefined;
  history.replaceState(history.state, '', here());
  const id = sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  sessionStorage.removeItem(STORAGE_KEY);
  return id;
}

/** Opens the (blank) payment popup; call it synchronously in the click. Null when blocked. */
export function openPopup(): Window | null {
  return window.open('about:blank', 'gp-payment', 'popup=yes,width=520,height=760');
}

/** Leaving the page; a seam the tests replace. */
export const navigation = {
  assign(url: string): void {
    location.assign(url);
  },
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
