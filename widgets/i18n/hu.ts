/**
 * Hungarian: the reference language. Its keys define {@link Translation}; every other language
 * must provide the same keys. A term is a string, or a function when it takes arguments.
 */
export const hu = {
  'portal.title': 'Ügyfélportál',
  'portal.regionLabel': (insurer: string) => `${insurer} – Ügyfélportál`,
  'lang.groupLabel': 'Nyelv választása',
  'auth.loggedOut.heading': 'Jelentkezzen be az Ügyfélportálra',
  'auth.loggedOut.text':
    'Jelentkezzen be, hogy megtekinthesse élő és törölt szerződéseit, rendezhesse számláit, bejelenthessen egy kárt, és elolvashassa a Levelezésbe érkezett dokumentumait.',
  'auth.loggedOut.registerHint':
    'Első alkalommal jár itt? A bejelentkezési ablakban ügyfélszámával regisztrálhat.',
  'auth.login': 'Bejelentkezés',
} as const;
