import type { Path } from './deep-query.ts';

/**
 * One window of a browser, driven as a customer drives it: go to a page, click and type into
 * what is visible (found through `Path`s, see deep-query.ts), read what is shown. Clicks and
 * typing are the engine's real input (user activation counts: a popup opened by a click is a
 * popup the customer opened).
 */
export interface BrowserWindow {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Evaluates a JavaScript expression in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  click(path: Path, text?: RegExp): Promise<void>;
  fill(path: Path, value: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  isClosed(): Promise<boolean>;
  close(): Promise<void>;
}

/** A browser with a fresh profile, as one customer's computer. */
export interface CustomerBrowser {
  /** The window the customer starts in. */
  firstWindow(): Promise<BrowserWindow>;
  /** Runs `action` and returns the window it opened, or null when none opened within `timeoutMs`. */
  windowOpenedBy(action: () => Promise<void>, timeoutMs: number): Promise<BrowserWindow | null>;
  close(): Promise<void>;
}

/** One row of the matrix: an engine and its settings. */
export interface EngineConfiguration {
  /** Short id, used in test names, screenshot names and `E2E_ENGINES`. */
  id: string;
  /** What this row stands for, in words. */
  title: string;
  /** Log in by full-page redirect (this engine's popups are blocked) instead of the popup. */
  redirectLogin?: boolean;
  launch(sites: { proxyUrl: string; spkiSha256: string }): Promise<CustomerBrowser>;
}
