import { Hono, type Context } from 'hono';
import { QueryTypes } from 'sequelize';
import type { PageEnv } from '../pages/security.ts';
import { pickLang } from '../pages/language.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { findAccountById } from '../accounts/find-account.ts';
import { recordAuditEvent } from '../accounts/audit.ts';
import { clientAddress } from '../../common/security/client-address.ts';
import { formString, render, type CodedError } from '../self-service/view.ts';
import { Passkeys } from '../security/passkeys.ts';
import { recordSecurityEvent } from '../security/security-notice.ts';
import { securityText } from '../security/text.ts';
import { SECURITY_RULES } from '../security/throttle-rules.ts';
import type { TwoStep } from '../security/two-step.ts';
import { finishInteraction, loadInteraction } from './interaction-io.ts';
import { secondStepPage } from './second-step-page.ts';
import { fill } from './text.ts';
import { minutesToWait } from '../../common/security/throttle.ts';

/** How long a right password waits for its code. */
const PENDING_SECONDS = 10 * 60;

/**
 * The log-in's other ways through, next to the password form of ./routes.ts:
 * - `GET|POST /interaction/:uid/two-step`: after a right password, an account with two-step
 *   log-in must give a code from its app (or a recovery code, used up, with a notice) before the
 *   provider hears of the log-in; the pending step is kept in PostgreSQL per interaction;
 * - `POST /interaction/:uid/passkey/options` and `POST /interaction/:uid/passkey`: a passkey
 *   log-in (discoverable credential, user verification required), no e-mail address needed; it
 *   counts as both factors.
 * `begin` is the password route's hook: it answers with the code page when the account needs it.
 */
export function secondStepRoutes(deps: IdpRouteDeps, twoStep: TwoStep) {
  const { provider, sequelize } = deps;
  const passkeys = new Passkeys(sequelize, deps.publicUrl);
  const app = new Hono<PageEnv>();
  const expired = (c: Context<PageEnv>) => c.redirect(`/interaction/${encodeURIComponent(c.req.param('uid') ?? '')}`, 303);

  async function begin(c: Context<PageEnv>, uid: string, accountId: string): Promise<Response | null> {
    if (!(await twoStep.isEnabled(accountId))) return null;
    await sequelize.query('delete from login_second_steps where expires_at < now()');
    await sequelize.query(
      `insert into login_second_steps (interaction_uid, account_id, expires_at) values (:uid, :accountId, now() + make_interval(secs => :seconds))
       on conflict (interaction_uid) do update set account_id = excluded.account_id, expires_at = excluded.expires_at`,
      { replacements: { uid, accountId, seconds: PENDING_SECONDS } },
    );
    return c.redirect(`/interaction/${encodeURIComponent(uid)}/two-step`, 303);
  }

  async function pendingAccount(uid: string): Promise<string | null> {
    const [row] = await sequelize.query<{ account_id: string }>(
      'select account_id from login_second_steps where interaction_uid = :uid and expires_at > now()',
      {
        replacements: { uid },
        type: QueryTypes.SELECT,
      },
    );
    return row?.account_id ?? null;
  }

  app.get('/:uid/two-step', async (c) => {
    const interaction = await loadInteraction(c, provider);
    if (!interaction || interaction.prompt.name !== 'login' || !(await pendingAccount(interaction.uid))) return expired(c);
    const lang = pickLang(c, interaction.params.ui_locales as string | undefined);
    return render(c, {
      lang,
      title: securityText(lang).stepTitle,
      body: secondStepPage(lang, interaction.uid, [], null),
      currentUrl: `/interaction/${interaction.uid}/two-step`,
    });
  });

  app.post('/:uid/two-step', async (c) => {
    const interaction = await loadInteraction(c, provider);
    const accountId = interaction && interaction.prompt.name === 'login' ? await pendingAccount(interaction.uid) : null;
    if (!interaction || !accountId) return expired(c);
    const lang = pickLang(c, interaction.params.ui_locales as string | undefined);
    const s = securityText(lang);
    const show = (status: 400 | 429, errors: CodedError[], message: { code: string; text: string } | null, headers?: Record<string, string>) =>
      render(c, {
        lang,
        title: s.stepTitle,
        body: secondStepPage(lang, interaction.uid, errors, message),
        status,
        currentUrl: `/interaction/${interaction.uid}/two-step`,
        headers,
      });

    const code = formString(await c.req.parseBody(), 'code')
      .trim()
      .slice(0, 64);
    if (!code) return show(400, [{ field: 'code', code: 'code_missing', message: s.stepMissing }], null);
    // Counted before the code is looked at, per account: 5 tries in 15 minutes, whatever the interaction.
    const tries = await deps.throttle.hit(SECURITY_RULES.twoStepCode, accountId);
    if (!tries.allowed) {
      const minutes = minutesToWait(tries);
      return show(429, [], { code: 'too_many_attempts', text: fill(s.tooMany, { minutes }) }, { 'Retry-After': String(Math.max(1, tries.retryAfter)) });
    }
    const account = await findAccountById(sequelize, accountId);
    if (!account) return expired(c);
    const result = await sequelize.transaction(async (transaction) => {
      const outcome = await twoStep.verify(transaction, accountId, code);
      if (outcome === 'recovery_code')
        await recordSecurityEvent(sequelize, deps.ports, transaction, { account, event: 'recovery_code_used', publicUrl: deps.publicUrl });
      if (outcome !== 'invalid')
        await sequelize.query('delete from login_second_steps where interaction_uid = :uid', { replacements: { uid: interaction.uid }, transaction });
      return outcome;
    });
    if (result === 'invalid') return show(400, [{ field: 'code', code: 'code_invalid', message: s.stepWrong }], null);
    await deps.throttle.reset(SECURITY_RULES.twoStepCode, accountId);
    await recordAuditEvent(sequelize, {
      action: 'login.succeeded',
      accountId,
      customerId: account.customerId,
      clientId: typeof interaction.params.client_id === 'string' ? interaction.params.client_id : null,
      metadata: { method: result === 'totp' ? 'otp' : 'recovery_code', address: clientAddress(c, deps.trustProxy) },
    });
    return finishInteraction(c, provider, { login: { accountId, amr: ['pwd', 'otp', 'mfa'], remember: false } });
  });

  app.post('/:uid/passkey/options', async (c) => {
    const interaction = await loadInteraction(c, provider);
    if (!interaction || interaction.prompt.name !== 'login') return c.json({ code: 'interaction_expired' }, 400);
    const ip = await deps.throttle.hit(SECURITY_RULES.passkeyOptionsIp, clientAddress(c, deps.trustProxy));
    if (!ip.allowed) return c.json({ code: 'too_many_attempts' }, 429, { 'Retry-After': String(Math.max(1, ip.retryAfter)) });
    return c.json(await passkeys.loginOptions());
  });

  app.post('/:uid/passkey', async (c) => {
    const interaction = await loadInteraction(c, provider);
    if (!interaction || interaction.prompt.name !== 'login') return expired(c);
    const lang = pickLang(c, interaction.params.ui_locales as string | undefined);
    const back = () => c.redirect(`/interaction/${encodeURIComponent(interaction.uid)}?lang=${lang}&passkey=failed`, 303);
    const ip = await deps.throttle.hit(SECURITY_RULES.passkeyLoginIp, clientAddress(c, deps.trustProxy));
    if (!ip.allowed) return back();
    const form = await c.req.parseBody();
    let response: unknown;
    try {
      response = JSON.parse(formString(form, 'response'));
    } catch {
      return back();
    }
    const proved = await sequelize.transaction((transaction) => passkeys.login(transaction, formString(form, 'ticket'), response));
    const account = proved ? await findAccountById(sequelize, proved.accountId) : undefined;
    if (!account) return back();
    await recordAuditEvent(sequelize, {
      action: 'login.succeeded',
      accountId: account.id,
      customerId: account.customerId,
      clientId: typeof interaction.params.client_id === 'string' ? interaction.params.client_id : null,
      metadata: { method: 'passkey', address: clientAddress(c, deps.trustProxy) },
    });
    return finishInteraction(c, provider, { login: { accountId: account.id, amr: ['hwk', 'mfa'], remember: false } });
  });

  return { routes: app, begin };
}
