import type { TermsOf } from '../translation.ts';
import type { overviewHu } from './overview.hu.ts';

const inDays = (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

export const overviewEn = {
  'overview.heading': 'Overview',
  'overview.allDone': 'All done: nothing needs your attention right now.',
  'overview.premium': 'Premium',
  'overview.toPay': (total: string, count: number) => `Total to pay: ${total} (${count} ${count === 1 ? 'invoice' : 'invoices'})`,
  'overview.overdue': (total: string) => `, of which overdue: ${total}`,
  'overview.nextDue': (date: string, amount: string) => `Next due: ${date}, ${amount}`,
  'overview.pay': 'Pay premium',
  'overview.nothingToPay': 'You have no premium to pay.',
  'overview.documents': 'Correspondence',
  'overview.unread': (count: number) => (count === 1 ? 'You have one unread document.' : `You have ${count} unread documents.`),
  'overview.latest': (title: string) => `Latest: ${title}`,
  'overview.read': 'Read it',
  'overview.allRead': 'You have read all your documents.',
  'overview.toMailbox': 'Open Correspondence',
  'overview.claims': 'Claims',
  'overview.policy': (policyNumber: string) => `contract ${policyNumber}`,
  'overview.waiting.assignment': 'waiting for an adjuster to be assigned',
  'overview.waiting.assessment': 'being assessed by our adjuster',
  'overview.waiting.payout': 'approved, payment under way',
  'overview.allClaims': (count: number) => `All ${count} open claims`,
  'overview.noClaims': 'You have no open claims.',
  'overview.renewals': 'Anniversaries and expiries',
  'overview.anniversary': (date: string, days: number) => `anniversary on ${date} (${inDays(days)})`,
  'overview.expiry': (date: string, days: number) => `ends on ${date} (${inDays(days)})`,
  'overview.broker': 'Your broker',
} as const satisfies TermsOf<typeof overviewHu>;
