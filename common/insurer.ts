/**
 * The (fictional) insurer whose letterhead every document carries. One place, so the
 * footer, the metadata and the e-mails never disagree about who issued a document.
 */
export const INSURER = {
  name: 'Gránit Pont Biztosító Zrt.',
  shortName: 'Gránit Pont Biztosító',
  address: '1134 Budapest, Gránit köz 1.',
  postalAddress: '1580 Budapest, Pf. 44.',
  registrationNumber: 'Cg. 01-10-099999',
  taxNumber: '24681353-4-44',
  phone: '+36 1 555 0100',
  email: 'ugyfelszolgalat@granitpont.example',
  web: 'www.granitpont.example',
  /** Premium transfers go here (fictional giro account). */
  bankAccount: '10700024-24681353-51100005',
  portal: 'ugyfelportal.granitpont.example',
  /** Where documents say they were issued ("Kelt: Budapest, …"). */
  city: 'Budapest',
} as const;
