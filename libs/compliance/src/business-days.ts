const DAY_MS = 24 * 3600 * 1000;
const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The moment `days` business days after `from`, at the same time of day: each step forward
 * lands on a Monday to Friday (UTC) to count, so Friday 10:00 + 1 is Monday 10:00 and
 * Saturday 10:00 + 1 is Monday 10:00 too. Public holidays are not known here and count as
 * business days (a holiday calendar per jurisdiction would be the next step).
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, not ${days}`);
  let at = from.getTime();
  for (let counted = 0; counted < days;) {
    at += DAY_MS;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== SATURDAY && weekday !== SUNDAY) counted += 1;
  }
  return new Date(at);
}
