import { createContext } from '@lit/context';
import type { Lang } from '../i18n/lang.ts';

/**
 * What `<gp-portal>` shares with the widgets inside it. A new object is provided whenever
 * one of the values changes, so subscribed widgets re-render.
 */
export interface PortalContext {
  /** The language every widget renders in. */
  readonly lang: Lang;
  /** The insurer API's base URL, without a trailing slash. */
  readonly apiBase: string;
  /** The partner's registered OIDC client id. */
  readonly clientId: string;
}

export const portalContext = createContext<PortalContext>(Symbol('gp-portal-context'));
