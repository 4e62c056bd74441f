/**
 * Hungarian presentation of amounts and dates on documents. Intl's hu-HU grouping uses a
 * no-break space ("125 400 Ft"), which also keeps an amount from wrapping across lines.
 */
const NBSP = '\u00a0';
const hufNumber = new Intl.NumberFormat('hu-HU', { maximumFractionDigits: 0 });
const huDate = new Intl.DateTimeFormat('hu-HU', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' });
const huDateTime = new Intl.DateTimeFormat('hu-HU', {
  timeZone: 'Europe/Budapest',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatHuf(amount: number): string {
  return `${hufNumber.format(amount)}${NBSP}Ft`;
}

/** `2026-11-24` (a calendar date, no time zone) or a timestamp → `2026. 11. 24.` */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${y}. ${m}. ${d}.`;
  }
  return huDate.format(new Date(value));
}

export function formatDateTime(value: string | Date): string {
  return huDateTime.format(new Date(value));
}

/** `2026-01-01`, `2026-12-31` → `2026. 01. 01. – 2026. 12. 31.` */
export function formatPeriod(from: string, to: string | null | undefined): string {
  return to ? `${formatDate(from)} – ${formatDate(to)}` : `${formatDate(from)} –`;
}
