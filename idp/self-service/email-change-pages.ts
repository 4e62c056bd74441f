import { html } from 'hono/html';
import { dictionary } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import { common, errorText } from './messages.ts';
import { linkConfirmPage } from './link-confirm-page.ts';
import { actionUrl, codedNotice, type Html } from './view.ts';

/** The e-mail change confirm pages: confirm (a button: link scanners only GET), done, invalid, failed. */
export const emailChangeText = dictionary({
  hu: {
    title: 'Új e-mail-cím megerősítése',
    confirmLead:
      'Kérjük, erősítse meg, hogy ez az új e-mail-címe. A megerősítés után ezzel a címmel jelentkezhet be az Ügyfélportálra, és ide küldjük az értesítéseket.',
    confirm: 'Megerősítem az új e-mail-címemet',
    doneTitle: 'E-mail-címét módosítottuk',
    done: 'Köszönjük! E-mail-címét módosítottuk: mostantól az új címmel jelentkezzen be.',
    invalidTitle: 'A link nem érvényes',
    invalidHelp: 'Ha már megerősítette az új címét, egyszerűen jelentkezzen be vele. Ha nem, kérje újra a módosítást az Ügyfélportálon.',
    failedTitle: 'A módosítás nem sikerült',
    failed:
      'Az e-mail-cím módosítása nem sikerült. Kérjük, jelentkezzen be a régi címével, és próbálja újra egy másik címmel, vagy hívja ügyfélszolgálatunkat.',
  },
  en: {
    title: 'Confirm your new e-mail address',
    confirmLead:
      'Please confirm that this is your new e-mail address. Once confirmed, you log in to the Customer Portal with it, and we send the notifications here.',
    confirm: 'Confirm my new e-mail address',
    doneTitle: 'Your e-mail address has been changed',
    done: 'Thank you! Your e-mail address has been changed: from now on, log in with the new address.',
    invalidTitle: 'This link is not valid',
    invalidHelp: 'If you have already confirmed your new address, just log in with it. If not, ask for the change again in the Customer Portal.',
    failedTitle: 'The change did not succeed',
    failed: 'Your e-mail address could not be changed. Please log in with your old address and try again with another address, or call our customer service.',
  },
});

export function emailChangeConfirmPage(lang: Language, token: string): Html {
  const s = emailChangeText(lang);
  return linkConfirmPage(
    { title: s.title, lead: s.confirmLead, button: s.confirm, action: actionUrl('/account/confirm-email-change', lang), page: 'email_change_confirm' },
    token,
  );
}

export function emailChangeDone(lang: Language, portalUrl: string): Html {
  const s = emailChangeText(lang);
  return html`<h1>${s.doneTitle}</h1>
    ${codedNotice('success', 'email_changed', s.done)}
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}

export function emailChangeInvalid(lang: Language, portalUrl: string): Html {
  const s = emailChangeText(lang);
  return html`<h1>${s.invalidTitle}</h1>
    ${codedNotice('error', 'token_invalid', errorText(lang).token_invalid)}
    <p>${s.invalidHelp}</p>
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}

export function emailChangeFailed(lang: Language, portalUrl: string): Html {
  const s = emailChangeText(lang);
  return html`<h1>${s.failedTitle}</h1>
    ${codedNotice('error', 'email_change_failed', s.failed)}
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}
