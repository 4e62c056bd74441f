import { Hono, type Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { errors, type InteractionResults } from 'oidc-provider';
import { QueryTypes } from 'sequelize';
import type { PageEnv } from '../pages/security.ts';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { FieldError } from '../pages/form.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { LoginService } from '../accounts/login.ts';
import { findAccountById } from '../accounts/find-account.ts';
import { recordAuditEvent } from '../accounts/audit.ts';
import { isFirstPartyClient } from './first-party.ts';
import { consentPage, loginPage, messagePage, type PageContext, type PartnerView } from './pages.ts';
import { clientAddress } from '../../common/security/client-address.ts';
import { fill, text } from './text.ts';
import { secondStepRoutes } from './second-step-routes.ts';
import { twoStepFor } from '../security/two-step.ts';
import { securityText } from '../security/text.ts';
import { minutesToWait } from '../../common/security/throttle.ts';

type Interaction = Awaited<ReturnType<IdpRouteDeps['provider']['interactionDetails']>>;
type C = Context<PageEnv>;

/**
 * Login and consent, after panva/node-oidc-provider's example: `GET /interaction/:uid` shows
 * the page the current prompt needs; `POST …/login`, `POST …/confirm` and `GET|POST …/abort`
 * finish the prompt and send the browser back to the provider (303). The interaction itself is
 * found through the provider's short-lived cookie, so the pages need the raw Node request
 * (the app is served by @hono/node-server). `no-store` and the CSP come from the page kit.
 */
export function interactionRoutes(deps: IdpRouteDeps): Hono<PageEnv> {
  const { provider, sequelize } = deps;
  const login = new LoginService(sequelize, deps.throttle);
  void login.warmUp().catch(() => {});
  const app = new Hono<PageEnv>();
  // Two-step log-in and passkeys (issue 16): their own routes, and a hook after a right password.
  const secondStep = secondStepRoutes(deps, twoStepFor(deps));
  app.route('/', secondStep.routes);

  /** The interaction named in the path, or a page saying it has expired. */
  async function load(c: C): Promise<Interaction | Response> {
    const { incoming, outgoing } = node(c);
    try {
      const interaction = await provider.interactionDetails(incoming, outgoing);
      if (interaction.uid !== c.req.param('uid')) throw new errors.SessionNotFound('interaction uid mismatch');
      return interaction;
    } catch (error) {
      if (error instanceof errors.SessionNotFound) return message(c, pickLang(c), 'expired', 400);
      throw error;
    }
  }

  async function finish(c: C, result: InteractionResults, merge: boolean): Promise<Response> {
    const { incoming, outgoing } = node(c);
    const returnTo = await provider.interactionResult(incoming, outgoing, result, { mergeWithLastSubmission: merge });
    return c.redirect(returnTo, 303);
  }

  app.get('/:uid', async (c) => {
    const interaction = await load(c);
    if (interaction instanceof Response) return interaction;
    const lang = pickLang(c, interaction.params.ui_locales as string | undefined);
    switch (interaction.prompt.name) {
      case 'login':
        return c.html(
          await loginPage({
            ...pageContext(c, lang),
            uid: interaction.uid,
            partner: await partnerView(c, interaction),
            email: typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : '',
            errors: [],
            message: c.req.query('passkey') === 'failed' ? securityText(lang).passkeyLoginFailed : null,
          }),
        );
      case 'consent':
        // The insurer's own portal asks nobody's leave: it is the insurer (see first-party.ts).
        if (interaction.session?.accountId && (await isFirstPartyClient(sequelize, String(interaction.params.client_id)))) {
          return grantConsent(c, interaction, 'consent.first_party');
        }
        return showConsent(c, interaction, lang);
      default:
        return message(c, lang, 'error', 400);
    }
  });

  app.post('/:uid/login', async (c) => {
    const interaction = await load(c);
    if (interaction instanceof Response) return interaction;
    if (interaction.prompt.name !== 'login') return c.redirect(`/interaction/${interaction.uid}`, 303);
    const lang = pickLang(c, interaction.params.ui_locales as string | undefined);
    const s = text(lang);
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim().slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';

    const show = async (status: 400 | 403 | 429, fieldErrors: FieldError[], notice: string | null) =>
      c.html(
        await loginPage({
          ...pageContext(c, lang),
          uid: interaction.uid,
          partner: await partnerView(c, interaction),
          email,
          errors: fieldErrors,
          message: notice,
        }),
        status,
      );

    const missing: FieldError[] = [
      ...(email ? [] : [{ field: 'email', message: s.emailMissing }]),
      ...(password ? [] : [{ field: 'password', message: s.passwordMissing }]),
    ];
    if (missing.length) return show(400, missing, null);

    const clientId = typeof interaction.params.client_id === 'string' ? interaction.params.client_id : null;
    const outcome = await login.attempt({ username: email, password, address: clientAddress(c, deps.trustProxy), clientId });
    switch (outcome.kind) {
      case 'invalid':
        return show(400, [], s.invalid);
      case 'throttled': {
        c.header('Retry-After', String(outcome.retryAfter));
        const minutes = minutesToWait(outcome);
        return show(429, [], `${s.invalid} ${fill(s.throttledWait, { minutes })}`);
      }
      case 'unverified':
        return show(403, [], s.unverified);
      case 'success':
        return (
          (await secondStep.begin(c, interaction.uid, outcome.account.id)) ??
          finish(c, { login: { accountId: outcome.account.id, amr: ['pwd'], remember: false } }, false)
        );
    }
  });

  app.post('/:uid/confirm', async (c) => {
    const interaction = await load(c);
    if (interaction instanceof Response) return interaction;
    if (interaction.prompt.name !== 'consent' || !interaction.session?.accountId) return c.redirect(`/interaction/${interaction.uid}`, 303);
    return grantConsent(c, interaction, 'consent.granted');
  });

  /** Grants what the prompt says is missing, records it, and sends the browser back to the provider. */
  async function grantConsent(c: C, interaction: Interaction, action: 'consent.granted' | 'consent.first_party'): Promise<Response> {
    const { details } = interaction.prompt;
    const clientId = String(interaction.params.client_id);
    const accountId = interaction.session!.accountId;

    const grant = interaction.grantId ? await provider.Grant.find(interaction.grantId) : new provider.Grant({ accountId, clientId });
    if (!grant) return message(c, pickLang(c), 'expired', 400);
    const missingOIDCScope = details.missingOIDCScope as string[] | undefined;
    const missingOIDCClaims = details.missingOIDCClaims as string[] | undefined;
    const missingResourceScopes = details.missingResourceScopes as Record<string, string[]> | undefined;
    if (missingOIDCScope?.length) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims?.length) grant.addOIDCClaims(missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
    const grantId = await grant.save();

    const account = await findAccountById(sequelize, accountId);
    await recordAuditEvent(sequelize, {
      action,
      accountId,
      customerId: account?.customerId ?? null,
      clientId,
      metadata: {
        scope: grant.getOIDCScope(),
        resources: Object.fromEntries(Object.keys(grant.resources ?? {}).map((resource) => [resource, grant.getResourceScope(resource)])),
      },
    });
    return finish(c, { consent: interaction.grantId ? {} : { grantId } }, true);
  }

  const abort = async (c: C) => {
    const interaction = await load(c);
    if (interaction instanceof Response) return interaction;
    if (interaction.prompt.name === 'consent' && interaction.session?.accountId) {
      const account = await findAccountById(sequelize, interaction.session.accountId);
      await recordAuditEvent(sequelize, {
        action: 'consent.denied',
        accountId: interaction.session.accountId,
        customerId: account?.customerId ?? null,
        clientId: String(interaction.params.client_id),
      });
    }
    return finish(c, { error: 'access_denied', error_description: 'End-User aborted interaction' }, false);
  };
  app.get('/:uid/abort', abort);
  app.post('/:uid/abort', abort);

  async function showConsent(c: C, interaction: Interaction, lang: Language): Promise<Response> {
    const partner = await partnerView(c, interaction);
    const account = interaction.session?.accountId ? await findAccountById(sequelize, interaction.session.accountId) : undefined;
    if (!partner || !account) return message(c, lang, 'error', 400);
    const { details } = interaction.prompt;
    const requested = new Set(String(interaction.params.scope ?? '').split(' '));
    const resourceScopes = Object.values((details.missingResourceScopes as Record<string, string[]> | undefined) ?? {}).flat();
    return c.html(
      await consentPage({
        ...pageContext(c, lang),
        uid: interaction.uid,
        partner,
        customerName: account.name,
        portalData: resourceScopes.length > 0 || requested.has('portal'),
        personalData: ['profile', 'email', 'customer'].some((scope) => requested.has(scope)),
        // Refresh tokens go to every client with the refresh_token grant (see provider.ts).
        offline: Boolean((await provider.Client.find(String(interaction.params.client_id)))?.grantTypeAllowed('refresh_token')),
      }),
    );
  }

  /** The partner behind the interaction's client, with its registered web origins; lets its logo through the CSP. */
  async function partnerView(c: C, interaction: Interaction): Promise<PartnerView | null> {
    const [row] = await sequelize.query<{ display_name: string; logo_url: string | null; origins: string[] }>(
      'select display_name, logo_url, origins from partner_clients where client_id = :id',
      { replacements: { id: String(interaction.params.client_id) }, type: QueryTypes.SELECT },
    );
    if (!row) return null;
    const logoUrl = safeLogo(row.logo_url);
    if (logoUrl) c.set('imgOrigins', [new URL(logoUrl).origin]);
    return { name: row.display_name, logoUrl, origins: row.origins };
  }

  async function message(c: C, lang: Language, kind: 'expired' | 'error', status: 400 | 500): Promise<Response> {
    return c.html(await messagePage({ ...pageContext(c, lang), kind }), status);
  }

  return app;
}

function node(c: Context): HttpBindings {
  const env = c.env as Partial<HttpBindings> | undefined;
  if (!env?.incoming || !env.outgoing) throw new Error('the interaction pages must be served by @hono/node-server (oidc-provider reads the raw request)');
  return env as HttpBindings;
}

/** The language switch always leads to the interaction's GET page (forms post elsewhere). */
function pageContext(c: C, lang: Language): PageContext {
  const uid = c.req.param('uid');
  return { lang, nonce: c.get('nonce'), currentUrl: uid ? `/interaction/${encodeURIComponent(uid)}` : new URL(c.req.url).pathname };
}

/** Only an https (or local http) logo is shown. */
function safeLogo(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local) ? parsed.href : null;
  } catch {
    return null;
  }
}
