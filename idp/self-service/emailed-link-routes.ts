import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Language } from '../../common/language.ts';
import { pickLang } from '../pages/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { accountLinks } from './account-links.ts';
import { linkUseRefused } from './common-pages.ts';
import { formString, render, type Html } from './view.ts';

/** One page of a link's answer: its title, body, status and where the language switch leads. */
export interface LinkPage {
  title: string;
  body: Html;
  status?: ContentfulStatusCode;
  currentUrl?: string;
}

/** What a one-time e-mailed link does: the rest (GET shows, POST uses, throttle, unusable link) is the same for every link. */
export interface EmailedLink {
  /** Whether the link can still be used; uses nothing up. */
  peek(token: string): Promise<boolean>;
  /** The page with the button that uses the link (a POST of the token). */
  confirmPage(lang: Language, token: string): LinkPage;
  /** The page for a link that is unknown, used or expired (400). */
  unusablePage(lang: Language, portalUrl: string): LinkPage;
  /** Uses the link once: the page to answer, or `'unusable'`. */
  use(token: string, lang: Language, portalUrl: string): Promise<LinkPage | 'unusable'>;
}

/**
 * The routes of a one-time link sent by e-mail: `GET /?token=` shows a button and uses nothing up
 * (mail scanners fetch links); `POST /` (the token in the form) uses the link once, after the
 * per-address limit on using links. An unusable link answers the same page wherever it fails.
 */
export function emailedLinkRoutes(deps: IdpRouteDeps, link: EmailedLink): Hono<PageEnv> {
  const app = new Hono<PageEnv>();
  const portalUrl = accountLinks(deps.publicUrl).portal();
  const unusable = (lang: Language): LinkPage => ({ status: 400, ...link.unusablePage(lang, portalUrl) });

  app.get('/', async (c) => {
    const lang = pickLang(c);
    const token = c.req.query('token') ?? '';
    const answer = (await link.peek(token)) ? link.confirmPage(lang, token) : unusable(lang);
    return render(c, { lang, ...answer });
  });

  app.post('/', async (c) => {
    const lang = pickLang(c);
    const token = formString(await c.req.parseBody(), 'token');
    const refused = await linkUseRefused(c, deps, lang, portalUrl);
    if (refused) return refused;
    const answer = await link.use(token, lang, portalUrl);
    return render(c, { lang, ...(answer === 'unusable' ? unusable(lang) : answer) });
  });

  return app;
}
