import { html, raw } from 'hono/html';
import { field, focusTarget } from '../pages/form.ts';
import type { Language } from '../../common/language.ts';
import { common } from '../self-service/messages.ts';
import { actionUrl, codedErrorSummary, codedNotice, type CodedError, type Html } from '../self-service/view.ts';
import { PASSKEY_NAME_MAX, type PasskeyRow } from './passkeys.ts';
import { securityText } from './text.ts';

/** The account-security pages: the overview, the TOTP enrolment and its recovery codes, the password change. */

export interface SecurityPageOptions {
  lang: Language;
  nonce: string;
  customerName: string;
  passkeys: readonly PasskeyRow[];
  twoStep: { enabled: boolean; recoveryCodesLeft: number };
  /** A message after a change (its stable code and text). */
  notice: { kind: 'success' | 'error'; code: string; text: string } | null;
}

const when = (date: Date, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'hu' ? 'hu-HU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Budapest' }).format(date);

export function securityPage(o: SecurityPageOptions): Html {
  const s = securityText(o.lang);
  const a = (path: string) => actionUrl(path, o.lang);
  return html`<h1>${s.securityTitle}</h1>
    <p class="lead">${s.securityLead}</p>
    <p>${s.signedInAs} <strong>${o.customerName}</strong></p>
    ${o.notice ? codedNotice(o.notice.kind, o.notice.code, o.notice.text) : ''}

    <section aria-labelledby="passkeys-title" data-section="passkeys">
      <h2 id="passkeys-title">${s.passkeysTitle}</h2>
      <p>${s.passkeysLead}</p>
      ${
        o.passkeys.length
          ? html`<ul class="passkeys">
              ${o.passkeys.map(
                (p) => html`<li data-passkey="${p.id}">
                  <form method="post" action="${a(`/account/security/passkeys/${p.id}/rename`)}">
                    ${field({ name: `name-${p.id}`, label: s.passkeyName, value: p.name, maxlength: PASSKEY_NAME_MAX })}
                    <p class="hint">${s.passkeyCreated} ${when(p.created_at, o.lang)} · ${s.passkeyLastUsed}
                      ${p.last_used_at ? when(p.last_used_at, o.lang) : s.passkeyNeverUsed}</p>
                    <div class="actions">
                      <button class="secondary" type="submit">${s.passkeyRename}</button>
                      <button class="secondary" type="submit" formaction="${a(`/account/security/passkeys/${p.id}/remove`)}">${s.passkeyRemove}</button>
                    </div>
                  </form>
                </li>`,
              )}
            </ul>`
          : html`<p>${s.passkeysNone}</p>`
      }
      <form method="post" action="${a('/account/security/passkeys')}" id="passkey-add" data-options="${a('/account/security/passkeys/options')}">
        ${field({ name: 'name', label: s.passkeyName, hint: s.passkeyNameHint, maxlength: PASSKEY_NAME_MAX, required: false })}
        <input type="hidden" name="ticket" value="" />
        <input type="hidden" name="response" value="" />
        <div class="actions"><button class="primary" type="submit">${s.passkeyAdd}</button></div>
        <p class="hint" data-passkey-unsupported hidden>${s.passkeyNoScript}</p>
        <noscript><p class="hint">${s.passkeyNoScript}</p></noscript>
      </form>
    </section>

    <section aria-labelledby="two-step-title" data-section="two-step">
      <h2 id="two-step-title">${s.twoStepTitle}</h2>
      ${
        o.twoStep.enabled
          ? html`<p data-two-step="on">${s.twoStepOn}</p>
              <p>${s.recoveryLeft} <strong data-recovery-left>${String(o.twoStep.recoveryCodesLeft)}</strong></p>
              <form method="post" action="${a('/account/security/two-step/recovery-codes')}" data-form="recovery-codes">
                <p class="hint" id="recovery-new-hint">${s.recoveryNewHint}</p>
                <div class="actions">
                  <button class="secondary" type="submit" aria-describedby="recovery-new-hint">${s.recoveryNew}</button>
                </div>
              </form>
              <form method="post" action="${a('/account/security/two-step/disable')}">
                <div class="actions"><button class="secondary" type="submit">${s.twoStepDisable}</button></div>
              </form>`
          : html`<p data-two-step="off">${s.twoStepOff}</p>
              <form method="post" action="${a('/account/security/two-step/start')}">
                <div class="actions"><button class="primary" type="submit">${s.twoStepEnable}</button></div>
              </form>`
      }
    </section>

    <section aria-labelledby="password-title" data-section="password">
      <h2 id="password-title">${s.passwordTitle}</h2>
      <p><a href="/account/change-password?lang=${o.lang}">${s.changePasswordLink}</a></p>
    </section>
    <script nonce="${o.nonce}" src="/idp-assets/webauthn-browser.js"></script>
    <script nonce="${o.nonce}" src="/idp-assets/passkeys.js"></script>`;
}

/** The QR code (inline SVG from the qrcode library, no script) and the key as text, then the first code. */
export function enrolPage(lang: Language, qrSvg: string, secret: string, errors: readonly CodedError[]): Html {
  const s = securityText(lang);
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return html`<h1>${s.enrolTitle}</h1>
    ${codedErrorSummary(common(lang).errorSummaryTitle, errors)}
    <ol class="steps">
      <li>
        <p>${s.enrolStep1}</p>
        <div class="qr" role="img" aria-label="${s.qrLabel}">${raw(qrSvg)}</div>
        <p>${s.enrolManual} <code data-secret>${grouped}</code></p>
      </li>
      <li><p>${s.enrolStep2}</p></li>
    </ol>
    <form method="post" action="${actionUrl('/account/security/two-step/confirm', lang)}" novalidate data-page="two_step_enrol">
      ${field({ name: 'code', label: s.code, hint: s.codeHint, inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, errors, autofocus: true })}
      <div class="actions">
        <button class="primary" type="submit">${s.confirm}</button>
        <a class="button secondary" href="/account/security?lang=${lang}">${s.cancel}</a>
      </div>
    </form>`;
}

/** `notice`: why the codes are shown (two-step just turned on, or a new set replacing the old). */
export function recoveryCodesPage(lang: Language, codes: readonly string[], notice: { code: string; text: string }): Html {
  const s = securityText(lang);
  return html`<h1>${s.codesTitle}</h1>
    ${codedNotice('success', notice.code, notice.text)}
    <ul class="recovery-codes" data-recovery-codes>
      ${codes.map((code) => html`<li><code>${code}</code></li>`)}
    </ul>
    <div class="actions"><a class="button primary" href="/account/security?lang=${lang}">${s.codesDone}</a></div>`;
}

/** `username`: the login, in a hidden field, so password managers know which entry to update. */
export function changePasswordPage(lang: Language, username: string, errors: readonly CodedError[], message: { code: string; text: string } | null): Html {
  const s = securityText(lang);
  const c = common(lang);
  const focus = focusTarget(['currentPassword', 'password', 'passwordConfirm'], errors);
  return html`<h1>${s.changeTitle}</h1>
    <p class="lead">${s.changeLead}</p>
    ${message ? codedNotice('error', message.code, message.text) : ''} ${codedErrorSummary(c.errorSummaryTitle, errors)}
    <form method="post" action="${actionUrl('/account/change-password', lang)}" novalidate data-page="change_password">
      <input type="email" name="username" value="${username}" autocomplete="username" hidden readonly />
      ${field({ name: 'currentPassword', label: s.currentPassword, type: 'password', autocomplete: 'current-password', maxlength: 1024, errors, autofocus: focus === 'currentPassword' })}
      ${field({ name: 'password', label: s.newPassword, hint: c.passwordHint, type: 'password', autocomplete: 'new-password', maxlength: 128, errors, autofocus: focus === 'password' })}
      ${field({ name: 'passwordConfirm', label: c.passwordConfirm, type: 'password', autocomplete: 'new-password', maxlength: 128, errors, autofocus: focus === 'passwordConfirm' })}
      <div class="actions">
        <button class="primary" type="submit">${s.changeSave}</button>
        <a class="button secondary" href="/account/security?lang=${lang}">${s.cancel}</a>
      </div>
    </form>`;
}

export function changePasswordDone(lang: Language): Html {
  const s = securityText(lang);
  return html`<h1>${s.changeTitle}</h1>
    ${codedNotice('success', 'password_changed', s.changeDone)}
    <div class="actions"><a class="button primary" href="/account/security?lang=${lang}">${s.backToSecurity}</a></div>`;
}

export function signInCancelledPage(lang: Language): Html {
  const s = securityText(lang);
  return html`<h1>${s.securityTitle}</h1>
    ${codedNotice('error', 'sign_in_cancelled', s.signInCancelled)}
    <div class="actions"><a class="button primary" href="/account/sign-in?to=security&amp;lang=${lang}">${s.signInAgain}</a></div>`;
}
