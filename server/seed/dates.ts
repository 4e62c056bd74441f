/**
 * Calendar arithmetic on ISO dates (`2026-11-24`) in UTC, so results never depend on the
 * machine's time zone. The seed builds every date as an offset from a reference "today".
 */
const DAY_MS = 86_400_000;

function parse(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not an ISO date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Today's date in Budapest (the product's calendar). */
export function todayInBudapest(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest' }).format(now);
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return isoDate(target);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** An ISO timestamp on `date` at the given minute of the (UTC) day. */
export function at(date: string, minuteOfDay: number): string {
  return new Date(parse(date).getTime() + minuteOfDay * 60_000).toISOString();
}
