/** Dates as the archive browser shows them: ISO dates in, plain English out (the pack is English). */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** "2025-08-08" → "8 August 2025"; "2025-08" → "August 2025"; anything else comes back unchanged. */
export function formatDate(date: string): string {
  const match = ISO_DATE.exec(date);
  const month = match && MONTHS[Number(match[2]) - 1];
  if (!match || !month) return date;
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** The month an ISO date falls in ("2025-08-08" → "2025-08"); undated events go under "undated". */
export function monthKey(date: string): string {
  const match = ISO_DATE.exec(date);
  return match ? `${match[1]}-${match[2]}` : 'undated';
}

/** "2025-08" → "August 2025". */
export function monthLabel(key: string): string {
  return key === 'undated' ? 'Undated' : formatDate(key);
}
