/**
 * A same-origin iframe stands in for the log-in popup: a real window that can be a message's
 * source, take the focus as the popup window does, and be closed (removed).
 */
export interface PopupStandIn {
  frame: HTMLIFrameElement;
  /** The URLs `window.open` was called with. */
  opened: string[];
  /** The popup takes the focus, as a newly opened window does. */
  takeFocus(): void;
  restore(): void;
}

export function stubPopup(): PopupStandIn {
  const frame = document.createElement('iframe');
  frame.setAttribute('title', 'popup stand-in');
  document.body.append(frame);
  const opened: string[] = [];
  const original = window.open;
  window.open = ((url?: string | URL) => {
    opened.push(String(url));
    return frame.contentWindow;
  }) as typeof window.open;
  return {
    frame,
    opened,
    takeFocus: () => frame.focus(),
    restore: () => {
      window.open = original;
      frame.remove();
    },
  };
}
