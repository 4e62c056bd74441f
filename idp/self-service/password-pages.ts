import { html } from 'hono/html';
import { field, focusTarget } from '../pages/form.ts';
import { dictionary } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import { common, errorText } from './messages.ts';
import { actionUrl, codedErrorSummary, codedNotice, type CodedError, type Html } from './view.ts';

/** Forgotten password (*Elfelejtett jelszó*) and setting the new one. */
export const passwordText = dictionary({
  hu: {
    forgotTitle: 'Elfelejtett jelszó',
    forgotLead: 'Adja meg az Ügyfélportálon használt e-mail-címét (ez a felhasználóneve), és küldünk egy linket, amellyel új jelszót állíthat be.',
    email: 'E-mail-cím',
    send: 'Link küldése',
    sentTitle: 'Nézze meg a postafiókját',
    sent: 'Ha ehhez az e-mail-címhez tartozik fiók, elküldtük rá a jelszó visszaállításához szükséges linket. A link 1 óráig érvényes, és csak egyszer használható.',
    sentSpam: 'Ha néhány percen belül nem érkezik meg, nézze meg a levélszemét mappát is, vagy ellenőrizze, hogy ezzel a címmel regisztrált-e.',
    resetTitle: 'Új jelszó beállítása',
    resetLead: 'Adja meg új jelszavát. A beállítás után minden eszközön kijelentkeztetjük, majd az új jelszóval jelentkezhet be.',
    newPassword: 'Új jelszó',
    save: 'Új jelszó mentése',
    doneTitle: 'Megváltozott a jelszava',
    done: 'Új jelszavát elmentettük, és minden eszközön kijelentkeztettük. Most már bejelentkezhet az új jelszóval.',
    invalidTitle: 'A link nem érvényes',
    invalidHelp: 'A jelszó-visszaállító link 1 óráig érvényes, és csak egyszer használható. Kérjen újat.',
    requestNew: 'Új linket kérek',
  },
  en: {
    forgotTitle: 'Forgotten password',
    forgotLead: 'Enter the e-mail address you use for the Customer Portal (your username) and we will send you a link to set a new password.',
    email: 'E-mail address',
    send: 'Send link',
    sentTitle: 'Check your inbox',
    sent: 'If there is an account with this e-mail address, we have sent it a link to reset your password. The link is valid for 1 hour and can be used once.',
    sentSpam: 'If it does not arrive within a few minutes, look in your spam folder too, or check that this is the address you registered with.',
    resetTitle: 'Set a new password',
    resetLead: 'Enter your new password. Once it is saved we will log you out everywhere, and you can log in with the new password.',
    newPassword: 'New password',
    save: 'Save new password',
    doneTitle: 'Your password has been changed',
    done: 'Your new password is saved and you have been logged out everywhere. You can now log in with the new password.',
    invalidTitle: 'This link is not valid',
    invalidHelp: 'A password reset link is valid for 1 hour and can be used once. Ask for a new one.',
    requestNew: 'Send me a new link',
  },
});

export function forgotForm(
  lang: Language,
  email: string,
  errors: readonly CodedError[],
  message: { code: string; text: string } | null,
  portalUrl: string,
): Html {
  const s = passwordText(lang);
  return html`<h1>${s.forgotTitle}</h1>
    <p class="lead">${s.forgotLead}</p>
    ${message ? codedNotice('error', message.code, message.text) : ''}
    ${codedErrorSummary(common(lang).errorSummaryTitle, errors)}
    <form method="post" action="${actionUrl('/account/forgot-password', lang)}" novalidate>
      ${field({ name: 'email', label: s.email, type: 'email', value: email, autocomplete: 'username', maxlength: 254, errors, autofocus: focusTarget(['email'], errors) === 'email' })}
      <div class="actions"><button type="submit" class="primary">${s.send}</button></div>
    </form>
    <nav class="links" aria-label="${s.forgotTitle}">
      <a href="${portalUrl}">${common(lang).backToLogin}</a>
      <a href="/account/register?lang=${lang}">${common(lang).register}</a>
    </nav>`;
}

export function forgotSent(lang: Language, portalUrl: string): Html {
  const s = passwordText(lang);
  return html`<h1>${s.sentTitle}</h1>
    ${codedNotice('success', 'reset_link_sent', s.sent)}
    <p>${s.sentSpam}</p>
    <nav class="links" aria-label="${s.sentTitle}"><a href="${portalUrl}">${common(lang).backToLogin}</a></nav>`;
}

export function resetForm(lang: Language, token: string, errors: readonly CodedError[]): Html {
  const s = passwordText(lang);
  const c = common(lang);
  const focus = focusTarget(['password', 'passwordConfirm'], errors);
  return html`<h1>${s.resetTitle}</h1>
    <p class="lead">${s.resetLead}</p>
    ${codedErrorSummary(c.errorSummaryTitle, errors)}
    <form method="post" action="${actionUrl('/account/reset-password', lang)}" novalidate data-page="reset_form">
      <input type="hidden" name="token" value="${token}" />
      ${field({ name: 'password', label: s.newPassword, hint: c.passwordHint, type: 'password', autocomplete: 'new-password', maxlength: 128, errors, autofocus: focus === 'password' })}
      ${field({ name: 'passwordConfirm', label: c.passwordConfirm, type: 'password', autocomplete: 'new-password', maxlength: 128, errors, autofocus: focus === 'passwordConfirm' })}
      <div class="actions"><button type="submit" class="primary">${s.save}</button></div>
    </form>`;
}

export function resetDone(lang: Language, portalUrl: string): Html {
  const s = passwordText(lang);
  return html`<h1>${s.doneTitle}</h1>
    ${codedNotice('success', 'password_changed', s.done)}
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}

export function resetInvalid(lang: Language): Html {
  const s = passwordText(lang);
  return html`<h1>${s.invalidTitle}</h1>
    ${codedNotice('error', 'token_invalid', errorText(lang).token_invalid)}
    <p>${s.invalidHelp}</p>
    <div class="actions"><a class="button primary" href="/account/forgot-password?lang=${lang}">${s.requestNew}</a></div>`;
}
