/**
 * A Hungarian phone number as the customer types it (`+36 30 412 5567`, `+36-1-234-5678`,
 * `06301234567`), normalised to `+36 <area> <subscriber>`: mobile networks (20, 30, 31, 50,
 * 70) and Budapest (1) have seven-digit subscriber numbers, the other area codes (22–99) six.
 * Null when it is not one.
 */
const MOBILE = new Set(['20', '30', '31', '50', '70']);

export function normalizeHungarianPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-/().]/g, '');
  const match = /^(?:\+36|0036|06)([0-9]{8,9})$/.exec(compact);
  if (!match) return null;
  const national = match[1]!;
  let area: string;
  let subscriber: string;
  if (national.startsWith('1')) {
    area = '1';
    subscriber = national.slice(1);
    if (subscriber.length !== 7) return null;
  } else {
    area = national.slice(0, 2);
    subscriber = national.slice(2);
    if (Number(area) < 20) return null;
    if (subscriber.length !== (MOBILE.has(area) ? 7 : 6)) return null;
  }
  return `+36 ${area} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
}
