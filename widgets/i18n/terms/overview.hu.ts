import { withArticle } from '../hu-grammar.ts';

/** <gp-overview>: its own strings. Keys start with `overview.`. */
const inDays = (days: number) => (days === 0 ? 'ma' : days === 1 ? 'holnap' : `${days} nap múlva`);

export const overviewHu = {
  'overview.heading': 'Áttekintés',
  'overview.allDone': 'Minden rendben: most nincs teendője.',
  'overview.premium': 'Díjfizetés',
  'overview.toPay': (total: string, count: number) => `Fizetendő összesen: ${total} (${count} számla)`,
  'overview.overdue': (total: string) => `, ebből lejárt: ${total}`,
  'overview.nextDue': (date: string, amount: string) => `Következő esedékesség: ${date}, ${amount}`,
  'overview.pay': 'Díj befizetése',
  'overview.nothingToPay': 'Nincs fizetendő díja.',
  'overview.documents': 'Levelezés',
  'overview.unread': (count: number) => (count === 1 ? 'Egy olvasatlan dokumentuma van.' : `${count} olvasatlan dokumentuma van.`),
  'overview.latest': (title: string) => `A legújabb: ${title}`,
  'overview.read': 'Elolvasom',
  'overview.allRead': 'Minden dokumentumát elolvasta.',
  'overview.toMailbox': 'A Levelezés megnyitása',
  'overview.claims': 'Kárügyek',
  'overview.policy': (policyNumber: string) => `${withArticle(policyNumber)} számú szerződés`,
  'overview.waiting.assignment': 'kárszakértő kijelölésére vár',
  'overview.waiting.assessment': 'a kárszakértő vizsgálja',
  'overview.waiting.payout': 'elfogadtuk, a kifizetés folyamatban',
  'overview.allClaims': (count: number) => `Mind ${withArticle(count)} folyamatban lévő kárügy`,
  'overview.noClaims': 'Nincs folyamatban lévő kárügye.',
  'overview.renewals': 'Évforduló, lejárat',
  'overview.anniversary': (date: string, days: number) => `évfordulója: ${date} (${inDays(days)})`,
  'overview.expiry': (date: string, days: number) => `lejárata: ${date} (${inDays(days)})`,
  'overview.broker': 'Az Ön alkusza',
} as const;
