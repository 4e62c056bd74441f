/**
 * The fixed demo customers the seed always creates. The README and the start banner print
 * these (through `describeDemoLogins`), so what they say is what the database holds.
 */
export const DEMO_PASSWORD = 'Demo-jelszo-2026';

export const DEMO_LOGINS = {
  /** A private person with an account: active and cancelled policies, open/overdue/paid invoices, a claim. */
  person: {
    kind: 'person',
    name: 'Szőke Erzsébet',
    customerNumber: '10204460',
    username: 'erzsebet.szoke@example.com',
    password: DEMO_PASSWORD,
    birthDate: '1971-05-08',
    postcode: '9021',
  },
  /** A company with an account and a small fleet of motor policies. */
  company: {
    kind: 'company',
    name: 'Fürge Fuvar Kft.',
    customerNumber: '10311582',
    username: 'flotta@furgefuvar.example',
    password: DEMO_PASSWORD,
    taxNumber: '12345676-2-06',
    postcode: '6720',
  },
  /** A private person without an account: registers with customer number + birth date + postcode. */
  unregisteredPerson: {
    kind: 'person',
    name: 'Győri Ödön',
    customerNumber: '10467023',
    email: 'odon.gyori@example.com',
    birthDate: '1958-09-23',
    postcode: '4025',
  },
  /** A company without an account: registers with customer number + tax number + postcode. */
  unregisteredCompany: {
    kind: 'company',
    name: 'Őrség Kertészet Bt.',
    customerNumber: '10588317',
    email: 'iroda@orsegkerteszet.example.com',
    taxNumber: '28475617-1-18',
    postcode: '9700',
  },
} as const;

export type DemoLogins = typeof DEMO_LOGINS;

export function describeDemoLogins(logins: DemoLogins = DEMO_LOGINS): string[] {
  const { person, company, unregisteredPerson: p, unregisteredCompany: c } = logins;
  return [
    `Log in (person):   ${person.username} / ${person.password}  (${person.name}, customer number ${person.customerNumber})`,
    `Log in (company):  ${company.username} / ${company.password}  (${company.name}, customer number ${company.customerNumber})`,
    `Register (person): customer number ${p.customerNumber}, birth date ${p.birthDate}, postcode ${p.postcode}  (${p.name})`,
    `Register (company): customer number ${c.customerNumber}, tax number ${c.taxNumber}, postcode ${c.postcode}  (${c.name})`,
  ];
}
