/** <gp-portal>: header, log-in and session. */
export const portalHu = {
  'portal.title': 'Ügyfélportál',
  'portal.regionLabel': (insurer: string) => `${insurer} – Ügyfélportál`,
  'lang.groupLabel': 'Nyelv választása',
  'auth.loggedOut.heading': 'Jelentkezzen be az Ügyfélportálra',
  'auth.loggedOut.text':
    'Itt láthatja élő és törölt szerződéseit, kifizetheti számláit, kárt jelenthet be, és elolvashatja a Levelezésbe érkezett dokumentumait.',
  'auth.loggedOut.registerHint': 'Első alkalommal jár itt? A bejelentkezési ablakban ügyfélszámával regisztrálhat.',
  'auth.login': 'Bejelentkezés',
  'auth.logout': 'Kijelentkezés',
  'auth.checking': 'Bejelentkezés ellenőrzése…',
  'auth.loggingIn': 'Bejelentkezés folyamatban – folytassa a megnyílt ablakban.',
  'auth.loggedInAs': (name: string) => `Bejelentkezve: ${name}`,
  'auth.customerNumber': (number: string) => `Ügyfélszám: ${number}`,
  'auth.loggedOutNotice': 'Kijelentkezett.',
  'auth.expiredNotice': 'A munkamenete lejárt. Kérjük, jelentkezzen be újra.',
  'auth.memoryOnlyNotice': 'Ez a böngésző nem engedi, hogy megjegyezzük a bejelentkezését: ha bezárja vagy újratölti az oldalt, újra be kell jelentkeznie.',
  'auth.loginSucceeded': (name: string) => `Sikeres bejelentkezés. Üdvözöljük, ${name}!`,
  'portal.noticeDismiss': 'Értesítés bezárása',
} as const;
