import { html } from 'hono/html';
import { field } from '../pages/form.ts';
import type { Language } from '../../common/language.ts';
import { common } from '../self-service/messages.ts';
import { codedErrorSummary, codedNotice, type CodedError, type Html } from '../self-service/view.ts';
import { securityText } from '../security/text.ts';

/** The log-in's second step: a code from the authenticator app, or a recovery code. */
export function secondStepPage(lang: Language, uid: string, errors: readonly CodedError[], message: { code: string; text: string } | null): Html {
  const s = securityText(lang);
  return html`<h1>${s.stepTitle}</h1>
    <p class="lead">${s.stepLead}</p>
    ${message ? codedNotice('error', message.code, message.text) : ''} ${codedErrorSummary(common(lang).errorSummaryTitle, errors)}
    <form method="post" action="/interaction/${uid}/two-step?lang=${lang}" novalidate data-page="two_step_login">
      ${field({ name: 'code', label: s.stepCode, hint: s.stepCodeHint, autocomplete: 'one-time-code', maxlength: 32, errors, autofocus: true })}
      <div class="actions">
        <button class="primary" type="submit">${s.stepSubmit}</button>
        <button class="secondary" type="submit" formaction="/interaction/${uid}/abort" formnovalidate>${s.cancel}</button>
      </div>
    </form>`;
}

/** Under the password form: the passkey button (the script also offers passkeys in the e-mail field's suggestions). */
export function passkeyLoginBlock(lang: Language, uid: string, nonce: string): Html {
  const s = securityText(lang);
  return html`<form method="post" action="/interaction/${uid}/passkey?lang=${lang}" id="passkey-login" data-options="/interaction/${uid}/passkey/options">
      <input type="hidden" name="ticket" value="" />
      <input type="hidden" name="response" value="" />
      <div class="actions"><button class="secondary" type="submit">${s.passkeyLogin}</button></div>
      <p class="notice notice-error" role="alert" data-passkey-error hidden>${s.passkeyLoginFailed}</p>
      <p class="hint" data-passkey-unsupported hidden>${s.passkeyNoScript}</p>
    </form>
    <script nonce="${nonce}" src="/idp-assets/webauthn-browser.js"></script>
    <script nonce="${nonce}" src="/idp-assets/passkeys.js"></script>`;
}
