/**
 * Calendar dates (`2026-11-24`) in the product's time zone. Date-only arithmetic runs in UTC so
 * it never depends on the machine's zone.
 */
const budapest = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Budapest calendar date of an instant. */
export function budapestDate(value: Date | string): string {
  return budapest.format(typeof value === 'string' ? new Date(value) : value);
}

function utc(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** Adds calendar years, clamping 29 February to the 28th in common years. */
export function addYears(date: string, years: number): string {
  const d = utc(date);
  const year = d.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(year, d.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, d.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first anniversary of `start` strictly after `today` (a policy's insurance year turns on it). */
export function nextAnniversary(start: string, today: string): string {
  const years = Math.max(1, Number(today.slice(0, 4)) - Number(start.slice(0, 4)));
  const candidate = addYears(start, years);
  return candidate > today ? candidate : addYears(start, years + 1);
}

/** A `date` column as pg hands it back (a string, or a Date at local midnight) → `YYYY-MM-DD`. */
export function isoDateOf(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 10);
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  throw new TypeError(`not a date: ${String(value)}`);
}

/** A `timestamptz` column → ISO timestamp. */
export function isoTimestampOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`not a timestamp: ${String(value)}`);
}
