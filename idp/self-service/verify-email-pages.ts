import { html } from 'hono/html';
import { field, focusTarget } from '../pages/form.ts';
import { dictionary } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import { common, errorText } from './messages.ts';
import { linkConfirmPage } from './link-confirm-page.ts';
import { actionUrl, codedErrorSummary, codedNotice, type CodedError, type Html } from './view.ts';

/** The e-mail verification pages: confirm (a button: link scanners only GET), done, resend. */
export const verifyText = dictionary({
  hu: {
    title: 'E-mail-cím megerősítése',
    confirmLead: 'Kérjük, erősítse meg, hogy ez az e-mail-cím az Öné. Ide küldjük majd az értesítéseket az új dokumentumairól.',
    confirm: 'Megerősítem az e-mail-címemet',
    doneTitle: 'Megerősítettük e-mail-címét',
    done: 'Köszönjük! E-mail-címét megerősítettük, most már bejelentkezhet az Ügyfélportálra.',
    invalidTitle: 'A link nem érvényes',
    invalidHelp: 'Ha már megerősítette címét, egyszerűen jelentkezzen be. Ha nem, kérjen új megerősítő levelet.',
    requestNew: 'Új megerősítő levelet kérek',
    resendTitle: 'Új megerősítő levél',
    resendLead: 'Adja meg a regisztrációkor megadott e-mail-címét, és küldünk egy új megerősítő linket.',
    email: 'E-mail-cím',
    send: 'Küldés',
    sentTitle: 'Nézze meg a postafiókját',
    sent: 'Ha ehhez a címhez még meg nem erősített fiók tartozik, elküldtük rá az új megerősítő linket. A link 24 óráig érvényes.',
  },
  en: {
    title: 'Confirm your e-mail address',
    confirmLead: 'Please confirm that this e-mail address is yours. We will send the notifications about your new documents here.',
    confirm: 'Confirm my e-mail address',
    doneTitle: 'Your e-mail address is confirmed',
    done: 'Thank you! Your e-mail address is confirmed; you can now log in to the Customer Portal.',
    invalidTitle: 'This link is not valid',
    invalidHelp: 'If you have already confirmed your address, just log in. If not, ask for a new confirmation e-mail.',
    requestNew: 'Send me a new confirmation e-mail',
    resendTitle: 'New confirmation e-mail',
    resendLead: 'Enter the e-mail address you registered with and we will send you a new confirmation link.',
    email: 'E-mail address',
    send: 'Send',
    sentTitle: 'Check your inbox',
    sent: 'If there is an unconfirmed account with this address, we have sent a new confirmation link to it. The link is valid for 24 hours.',
  },
});

export function verifyConfirm(lang: Language, token: string): Html {
  const s = verifyText(lang);
  return linkConfirmPage(
    { title: s.title, lead: s.confirmLead, button: s.confirm, action: actionUrl('/account/verify-email', lang), page: 'verify_confirm' },
    token,
  );
}

export function verifyDone(lang: Language, portalUrl: string): Html {
  const s = verifyText(lang);
  return html`<h1>${s.doneTitle}</h1>
    ${codedNotice('success', 'email_verified', s.done)}
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}

export function verifyInvalid(lang: Language, portalUrl: string): Html {
  const s = verifyText(lang);
  return html`<h1>${s.invalidTitle}</h1>
    ${codedNotice('error', 'token_invalid', errorText(lang).token_invalid)}
    <p>${s.invalidHelp}</p>
    <div class="actions">
      <a class="button primary" href="/account/verify-email/resend?lang=${lang}">${s.requestNew}</a>
      <a class="button secondary" href="${portalUrl}">${common(lang).login}</a>
    </div>`;
}

export function resendForm(lang: Language, email: string, errors: readonly CodedError[], message: { code: string; text: string } | null): Html {
  const s = verifyText(lang);
  return html`<h1>${s.resendTitle}</h1>
    <p class="lead">${s.resendLead}</p>
    ${message ? codedNotice('error', message.code, message.text) : ''}
    ${codedErrorSummary(common(lang).errorSummaryTitle, errors)}
    <form method="post" action="${actionUrl('/account/verify-email/resend', lang)}" novalidate>
      ${field({ name: 'email', label: s.email, type: 'email', value: email, autocomplete: 'email', maxlength: 254, errors, autofocus: focusTarget(['email'], errors) === 'email' })}
      <div class="actions"><button type="submit" class="primary">${s.send}</button></div>
    </form>`;
}

export function resendSent(lang: Language, portalUrl: string): Html {
  const s = verifyText(lang);
  return html`<h1>${s.sentTitle}</h1>
    ${codedNotice('success', 'verify_link_sent', s.sent)}
    <nav class="links" aria-label="${s.sentTitle}"><a href="${portalUrl}">${common(lang).backToLogin}</a></nav>`;
}
