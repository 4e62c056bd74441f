/**
 * The moment of a loss as the customer gives it: an ISO date-time with an offset
 * (`2026-05-01T14:30:00+02:00`, `…Z`), or without one (`2026-05-01T14:30`, what a
 * datetime-local input sends), which is then Budapest wall-clock time.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Budapest',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Budapest is ahead of UTC at this instant (60 or 120). */
export function budapestOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant, or null when the text is not a real ISO date-time. */
export function parseLossTime(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const sec = Number(s ?? 0);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, sec, Number((ms ?? '0').padEnd(3, '0')));
  if (zone) {
    if (zone === 'Z') return new Date(wall);
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number);
    if (oh! > 14 || om! > 59) return null;
    return new Date(wall - sign * (oh! * 60 + om!) * 60_000);
  }
  // Budapest wall clock: guess with the offset at the wall time read as UTC, then correct once.
  const guess = wall - budapestOffsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - budapestOffsetMinutes(new Date(guess)) * 60_000);
}
