import { html } from 'hono/html';
import { dictionary } from '../pages/language.ts';
import type { Language } from '../../common/language.ts';
import { common, errorText } from './messages.ts';
import { linkConfirmPage } from './link-confirm-page.ts';
import { actionUrl, codedNotice, type Html } from './view.ts';

/** The undo link's pages (sent to the previous address): confirm (a button: link scanners only GET), done, invalid, failed. */
export const emailChangeUndoText = dictionary({
  hu: {
    title: 'Korábbi e-mail-cím visszaállítása',
    confirmLead:
      'Ha nem Ön módosította Ügyfélportál-fiókja e-mail-címét, állítsa vissza ezt a címet. Ezzel minden bejelentkezés megszűnik (az Ön által nem ismert eszközökön is), és új jelszót állíthat be.',
    confirm: 'Visszaállítom a korábbi e-mail-címemet',
    doneTitle: 'Korábbi e-mail-címét visszaállítottuk',
    done: 'Fiókjába ismét ezzel a címmel lehet bejelentkezni, és minden bejelentkezés megszűnt. Kérjük, most állítson be új jelszót: a módosítást végző személy ismerhette a régit.',
    setPassword: 'Új jelszó beállítása',
    invalidTitle: 'A link nem érvényes',
    invalidHelp: 'Ha segítségre van szüksége, hívja ügyfélszolgálatunkat.',
    failedTitle: 'A visszaállítás nem sikerült',
    failed: 'A korábbi e-mail-címet nem tudtuk visszaállítani. Kérjük, hívja ügyfélszolgálatunkat.',
  },
  en: {
    title: 'Restore your previous e-mail address',
    confirmLead:
      'If it wasn’t you who changed the e-mail address of your Customer Portal account, restore this address. Every session then ends (on devices unknown to you, too), and you can set a new password.',
    confirm: 'Restore my previous e-mail address',
    doneTitle: 'Your previous e-mail address has been restored',
    done: 'Your account logs in with this address again, and every session has ended. Please set a new password now: whoever made the change may have known the old one.',
    setPassword: 'Set a new password',
    invalidTitle: 'This link is not valid',
    invalidHelp: 'If you need help, please call our customer service.',
    failedTitle: 'The address could not be restored',
    failed: 'We could not restore your previous e-mail address. Please call our customer service.',
  },
});

export function emailChangeUndoConfirmPage(lang: Language, token: string): Html {
  const s = emailChangeUndoText(lang);
  return linkConfirmPage(
    { title: s.title, lead: s.confirmLead, button: s.confirm, action: actionUrl('/account/undo-email-change', lang), page: 'email_change_undo' },
    token,
  );
}

export function emailChangeUndone(lang: Language, resetUrl: string): Html {
  const s = emailChangeUndoText(lang);
  return html`<h1>${s.doneTitle}</h1>
    ${codedNotice('success', 'email_change_undone', s.done)}
    <div class="actions"><a class="button primary" href="${resetUrl}">${s.setPassword}</a></div>`;
}

export function emailChangeUndoInvalid(lang: Language, portalUrl: string): Html {
  const s = emailChangeUndoText(lang);
  return html`<h1>${s.invalidTitle}</h1>
    ${codedNotice('error', 'token_invalid', errorText(lang).token_invalid)}
    <p>${s.invalidHelp}</p>
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}

export function emailChangeUndoFailed(lang: Language, portalUrl: string): Html {
  const s = emailChangeUndoText(lang);
  return html`<h1>${s.failedTitle}</h1>
    ${codedNotice('error', 'email_change_undo_failed', s.failed)}
    <div class="actions"><a class="button primary" href="${portalUrl}">${common(lang).login}</a></div>`;
}
