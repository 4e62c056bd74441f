/** Parts of plausible Hungarian company names: "Alföldi Építő Kft.", "Őrség Kertészet Bt.". */
export const COMPANY_STEMS = [
  'Alföldi',
  'Duna',
  'Tisza',
  'Mátra',
  'Bakony',
  'Pannon',
  'Hajnal',
  'Zöldmező',
  'Kékes',
  'Napfény',
  'Tölgy',
  'Gyöngy',
  'Őrség',
  'Kőris',
  'Hegyalja',
  'Szőlőskert',
  'Fecske',
  'Sólyom',
  'Délibáb',
  'Árpád',
  'Rába',
  'Zemplén',
  'Körös',
  'Bükk',
  'Somló',
  'Fűzfa',
  'Tűzkő',
  'Jászság',
  'Hortobágy',
  'Kunság',
] as const;

export const COMPANY_TRADES = [
  'Építő',
  'Fuvarozó',
  'Kereskedelmi',
  'Szerviz',
  'Logisztika',
  'Pékség',
  'Vendéglátó',
  'Informatikai',
  'Tervező',
  'Ingatlan',
  'Kertészet',
  'Autóház',
  'Gépszerviz',
  'Könyvelő',
  'Nyomda',
  'Bútor',
  'Villamossági',
  'Agrár',
  'Faipari',
  'Szállítmányozó',
] as const;

/** Legal form and its share of companies. */
export const COMPANY_FORMS = [
  ['Kft.', 70],
  ['Bt.', 20],
  ['Zrt.', 10],
] as const;

/** Trades that run vans and lorries rather than cars. */
export const FLEET_TRADES: ReadonlySet<string> = new Set(['Építő', 'Fuvarozó', 'Logisztika', 'Szállítmányozó', 'Agrár', 'Pékség']);
