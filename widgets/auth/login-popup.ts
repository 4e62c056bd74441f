const POPUP_NAME = 'gp-login';

/**
 * Opens the (blank) log-in popup, centred over the page. It must run synchronously in the click
 * (before anything is awaited, the log-in code included), or popup blockers stop it. Null when
 * the browser blocked it: the caller falls back to the redirect log-in.
 */
export function openLoginPopup(): Window | null {
  const width = 520;
  const height = 720;
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  // No `noopener`: the result page must reach this window through window.opener.
  return window.open('about:blank', POPUP_NAME, `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
}
