import { createContext } from '@lit/context';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionState } from '../auth/session-state.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * What `<gp-portal>` shares with the widgets inside it. A new object is provided whenever
 * one of the values changes, so subscribed widgets re-render (and reload when the session does).
 */
export interface PortalContext {
  /** The language every widget renders in. */
  readonly lang: Lang;
  /** The insurer API's base URL, without a trailing slash. */
  readonly apiBase: string;
  /** The partner's registered OIDC client id. */
  readonly clientId: string;
  /** The API client bound to this portal's session (handle and DPoP proofs, `X-GP-Request`, problems). */
  readonly api: ApiClient;
  /** Whether a customer is logged in, and who. */
  readonly session: SessionState;
  /** Starts the log-in (popup or redirect, as the portal is configured). */
  readonly login: () => void;
  /**
   * Step-up: the customer logs in again in the popup and the same session gets the fresh
   * authentication (see `withStepUp`). Rejects with `popup_blocked`, `login_cancelled`…
   */
  readonly reauthenticate: () => Promise<void>;
}

/** A registered symbol: a widget from a per-widget bundle finds a portal from the all-in-one bundle. */
export const portalContext = createContext<PortalContext>(Symbol.for('gp-portal-context'));
