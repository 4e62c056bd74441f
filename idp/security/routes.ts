import { Hono, type Context } from 'hono';
import { pickLang } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import type { PageEnv } from '../pages/security.ts';
import type { IdpRouteDeps } from '../route-deps.ts';
import { problemResponse } from '../../common/http/problem.ts';
import { passwordPolicyMessage } from '../accounts/password-policy.ts';
import { errorText } from '../self-service/messages.ts';
import { formString, render, type CodedError } from '../self-service/view.ts';
import { fill } from '../pages/fill.ts';
import { isFresh, readAccountSession, type AccountSession } from './account-session.ts';
import { changePassword } from './change-password.ts';
import { Passkeys, PASSKEY_NAME_MAX } from './passkeys.ts';
import { changePasswordDone, changePasswordPage, enrolPage, recoveryCodesPage, securityPage, type SecurityPageOptions } from './pages.ts';
import { recoveryCodesLeft } from './recovery-codes.ts';
import { recordSecurityEvent } from './security-notice.ts';
import { signInUrl, type SignInTarget } from './sign-in-routes.ts';
import { securityText } from './text.ts';
import { SECURITY_RULES } from './throttle-rules.ts';
import type { TwoStep } from './two-step.ts';
import { minutesToWait } from '../../common/security/throttle.ts';

type C = Context<PageEnv>;

/** What a redirect back to the overview may announce (`?done=`): code → text key. */
const DONE = {
  passkey_added: 'passkeyAdded',
  passkey_removed: 'passkeyRemoved',
  passkey_renamed: 'passkeyRenamed',
  passkey_failed: 'passkeyFailed',
  passkey_name_invalid: 'passkeyNameInvalid',
  two_step_disabled: 'twoStepDisabled',
} as const;

/**
 * `/account/security` (passkeys, two-step log-in, a link to the password change) and
 * `/account/change-password`. Who is there comes from the IdP's own session (./account-session.ts);
 * without one the browser goes through the IdP's log-in and comes back (./sign-in-routes.ts).
 * Every change that adds or removes a way in (a passkey, the two-step settings) needs a log-in
 * no older than 5 minutes: otherwise the customer is asked to log in again first (step-up).
 */
export function accountSecurityRoutes(deps: IdpRouteDeps, twoStep: TwoStep): Hono<PageEnv> {
  const { sequelize } = deps;
  const passkeys = new Passkeys(sequelize, deps.publicUrl);
  const app = new Hono<PageEnv>();

  /** The session, or the response that sends the browser to log in (again, when `fresh`). */
  async function signedIn(c: C, lang: Language, target: SignInTarget, fresh: boolean): Promise<AccountSession | Response> {
    const session = await readAccountSession(c, deps.provider, sequelize);
    if (session && (!fresh || isFresh(session))) return session;
    return c.redirect(signInUrl(target, lang, fresh), 303);
  }
  const overview = (c: C, lang: Language, done: keyof typeof DONE) => c.redirect(`/account/security?lang=${lang}&done=${done}`, 303);
  const retryAfter = (seconds: number) => ({ 'Retry-After': String(Math.max(1, seconds)) });

  /** The overview, with a message after a change (or a refusal, with its status). */
  const showOverview = async (
    c: C,
    lang: Language,
    session: AccountSession,
    notice: SecurityPageOptions['notice'],
    status: 200 | 429 = 200,
    headers?: Record<string, string>,
  ) => {
    const enabled = await twoStep.isEnabled(session.account.id);
    const body = securityPage({
      lang,
      nonce: c.get('nonce'),
      customerName: session.account.name,
      passkeys: await passkeys.list(session.account.id),
      twoStep: { enabled, recoveryCodesLeft: enabled ? await recoveryCodesLeft(sequelize, session.account.id) : 0 },
      notice,
    });
    return render(c, { lang, title: securityText(lang).securityTitle, body, status, currentUrl: `/account/security?lang=${lang}`, headers });
  };

  app.get('/security', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', false);
    if (session instanceof Response) return session;
    const s = securityText(lang);
    const done = c.req.query('done');
    const notice =
      done && Object.hasOwn(DONE, done)
        ? { kind: done === 'passkey_failed' ? ('error' as const) : ('success' as const), code: done, text: s[DONE[done as keyof typeof DONE]] }
        : null;
    return showOverview(c, lang, session, notice);
  });

  // --- passkeys ---------------------------------------------------------------------------

  app.post('/security/passkeys/options', async (c) => {
    const lang = pickLang(c);
    const session = await readAccountSession(c, deps.provider, sequelize);
    if (!session || !isFresh(session)) {
      return problemResponse(c, {
        type: 'about:blank#reauthentication_required',
        title: 'Log in again first',
        status: 401,
        code: 'reauthentication_required',
        signInUrl: signInUrl('security', lang, true),
      });
    }
    return c.json(await passkeys.registrationOptions(session.account));
  });

  app.post('/security/passkeys', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', true);
    if (session instanceof Response) return session;
    const form = await c.req.parseBody();
    const name = passkeyName(formString(form, 'name')) ?? (formString(form, 'name').trim() === '' ? securityText(lang).passkeyNameDefault : null);
    if (!name) return overview(c, lang, 'passkey_name_invalid');
    let response: unknown;
    try {
      response = JSON.parse(formString(form, 'response'));
    } catch {
      return overview(c, lang, 'passkey_failed');
    }
    const added = await sequelize.transaction(async (transaction) => {
      const passkey = await passkeys.register(transaction, session.account.id, formString(form, 'ticket'), response, name);
      if (passkey)
        await recordSecurityEvent(sequelize, deps.ports, transaction, {
          account: session.account,
          event: 'passkey_added',
          publicUrl: deps.publicUrl,
          metadata: { passkeyId: passkey.id },
        });
      return passkey;
    });
    return overview(c, lang, added ? 'passkey_added' : 'passkey_failed');
  });

  app.post('/security/passkeys/:id/rename', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', false);
    if (session instanceof Response) return session;
    const id = c.req.param('id');
    const name = passkeyName(formString(await c.req.parseBody(), `name-${id}`));
    if (!name) return overview(c, lang, 'passkey_name_invalid');
    const renamed = isUuid(id) && (await passkeys.rename(session.account.id, id, name));
    return overview(c, lang, renamed ? 'passkey_renamed' : 'passkey_failed');
  });

  app.post('/security/passkeys/:id/remove', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', true);
    if (session instanceof Response) return session;
    const id = c.req.param('id');
    const removed =
      isUuid(id) &&
      (await sequelize.transaction(async (transaction) => {
        const gone = await passkeys.remove(transaction, session.account.id, id);
        if (gone)
          await recordSecurityEvent(sequelize, deps.ports, transaction, {
            account: session.account,
            event: 'passkey_removed',
            publicUrl: deps.publicUrl,
            metadata: { passkeyId: id },
          });
        return gone;
      }));
    return overview(c, lang, removed ? 'passkey_removed' : 'passkey_failed');
  });

  // --- two-step log-in (TOTP) -------------------------------------------------------------

  const showEnrolment = async (
    c: C,
    lang: Language,
    enrolment: { secret: string; uri: string },
    errors: CodedError[],
    status: 200 | 400 | 429 = 200,
    headers?: Record<string, string>,
  ) => {
    // Imported here: only the two-step set-up page draws a QR code (it cost every start some 45 ms).
    const { default: QRCode } = await import('qrcode');
    const svg = await QRCode.toString(enrolment.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return render(c, {
      lang,
      title: securityText(lang).enrolTitle,
      body: enrolPage(lang, svg, enrolment.secret, errors),
      status,
      currentUrl: `/account/security?lang=${lang}`,
      headers,
    });
  };

  /** The new recovery codes, shown once (two-step just turned on, or a new set replacing the old). */
  const showRecoveryCodes = (c: C, lang: Language, codes: readonly string[], notice: { code: string; text: string }) =>
    render(c, { lang, title: securityText(lang).codesTitle, body: recoveryCodesPage(lang, codes, notice), currentUrl: `/account/security?lang=${lang}` });

  app.post('/security/two-step/start', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', true);
    if (session instanceof Response) return session;
    const enrolment = await twoStep.startEnrolment(session.account);
    if (!enrolment) return c.redirect(`/account/security?lang=${lang}`, 303);
    return showEnrolment(c, lang, enrolment, []);
  });

  app.post('/security/two-step/confirm', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', true);
    if (session instanceof Response) return session;
    const enrolment = await twoStep.pendingEnrolment(session.account);
    if (!enrolment) return c.redirect(`/account/security?lang=${lang}`, 303);
    const s = securityText(lang);
    const tries = await deps.throttle.hit(SECURITY_RULES.twoStepCode, session.account.id);
    if (!tries.allowed) {
      const minutes = minutesToWait(tries);
      return showEnrolment(
        c,
        lang,
        enrolment,
        [{ field: 'code', code: 'too_many_attempts', message: fill(s.tooMany, { minutes }) }],
        429,
        retryAfter(tries.retryAfter),
      );
    }
    const code = formString(await c.req.parseBody(), 'code').replace(/\s/g, '');
    const codes = await sequelize.transaction(async (transaction) => {
      const made = await twoStep.confirmEnrolment(transaction, session.account.id, code);
      if (made)
        await recordSecurityEvent(sequelize, deps.ports, transaction, { account: session.account, event: 'two_step_enabled', publicUrl: deps.publicUrl });
      return made;
    });
    if (!codes) return showEnrolment(c, lang, enrolment, [{ field: 'code', code: 'code_invalid', message: s.codeWrong }], 400);
    await deps.throttle.reset(SECURITY_RULES.twoStepCode, session.account.id);
    return showRecoveryCodes(c, lang, codes, { code: 'two_step_enabled', text: s.codesLead });
  });

  app.post('/security/two-step/disable', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', true);
    if (session instanceof Response) return session;
    await sequelize.transaction(async (transaction) => {
      if (await twoStep.disable(transaction, session.account.id)) {
        await recordSecurityEvent(sequelize, deps.ports, transaction, { account: session.account, event: 'two_step_disabled', publicUrl: deps.publicUrl });
      }
    });
    return overview(c, lang, 'two_step_disabled');
  });

  // A new set when the old one is used up, lost or seen by someone else: the old codes stop at once.
  app.post('/security/two-step/recovery-codes', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'security', true);
    if (session instanceof Response) return session;
    const s = securityText(lang);
    const tries = await deps.throttle.hit(SECURITY_RULES.recoveryCodes, session.account.id);
    if (!tries.allowed) {
      const minutes = minutesToWait(tries);
      return showOverview(
        c,
        lang,
        session,
        { kind: 'error', code: 'too_many_attempts', text: fill(s.tooMany, { minutes }) },
        429,
        retryAfter(tries.retryAfter),
      );
    }
    const codes = await sequelize.transaction(async (transaction) => {
      const made = await twoStep.regenerateRecoveryCodes(transaction, session.account.id);
      if (made)
        await recordSecurityEvent(sequelize, deps.ports, transaction, {
          account: session.account,
          event: 'recovery_codes_regenerated',
          publicUrl: deps.publicUrl,
        });
      return made;
    });
    if (!codes) return c.redirect(`/account/security?lang=${lang}`, 303);
    return showRecoveryCodes(c, lang, codes, { code: 'recovery_codes_regenerated', text: s.codesRegenerated });
  });

  // --- password change ---------------------------------------------------------------------

  app.get('/change-password', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'change-password', false);
    if (session instanceof Response) return session;
    return render(c, { lang, title: securityText(lang).changeTitle, body: changePasswordPage(lang, session.account.username, [], null) });
  });

  app.post('/change-password', async (c) => {
    const lang = pickLang(c);
    const session = await signedIn(c, lang, 'change-password', false);
    if (session instanceof Response) return session;
    const s = securityText(lang);
    const form = await c.req.parseBody();
    const outcome = await changePassword(deps, session, {
      current: formString(form, 'currentPassword').slice(0, 1024),
      next: formString(form, 'password'),
      confirm: formString(form, 'passwordConfirm'),
    });
    const page = (status: 400 | 429, errors: CodedError[], message: { code: string; text: string } | null, headers?: Record<string, string>) =>
      render(c, {
        lang,
        title: s.changeTitle,
        body: changePasswordPage(lang, session.account.username, errors, message),
        status,
        currentUrl: `/account/change-password?lang=${lang}`,
        headers,
      });
    switch (outcome.kind) {
      case 'changed':
        deps.logger.info('password_changed', { accountId: session.account.id });
        return render(c, { lang, title: s.changeTitle, body: changePasswordDone(lang), currentUrl: `/account/security?lang=${lang}` });
      case 'throttled':
        return page(429, [], { code: 'too_many_attempts', text: fill(s.tooMany, { minutes: minutesToWait(outcome) }) }, retryAfter(outcome.retryAfter));
      case 'current_password_wrong':
        return page(400, [{ field: 'currentPassword', code: 'current_password_wrong', message: s.currentWrong }], null);
      case 'policy':
        return page(400, [{ field: 'password', code: outcome.code, message: passwordPolicyMessage(outcome.code, lang) }], null);
      case 'password_mismatch':
        return page(400, [{ field: 'passwordConfirm', code: 'password_mismatch', message: errorText(lang).password_mismatch }], null);
    }
  });

  return app;
}

/** A passkey's name: 1–60 printable characters (no control or format characters, no lone surrogates); null otherwise. */
function passkeyName(input: string): string | null {
  const name = input.normalize('NFC').trim();
  if (name === '' || [...name].length > PASSKEY_NAME_MAX || /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(name)) return null;
  return name;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
