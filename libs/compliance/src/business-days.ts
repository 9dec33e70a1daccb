import { Jurisdiction } from './jurisdiction';
import { isPublicHoliday } from './public-holidays';

const DAY_MS = 24 * 3600 * 1000;
const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The moment `days` business days after `from`, at the same time of day: each step forward
 * lands on a day (UTC) that counts only if it is a Monday to Friday and not a public holiday
 * of `jurisdiction` (isPublicHoliday), so Friday 10:00 + 1 is Monday 10:00, Saturday 10:00 + 1
 * is Monday 10:00 too, and in the US the Wednesday before Thanksgiving + 1 is the Friday.
 */
export function addBusinessDays(from: Date, days: number, jurisdiction: Jurisdiction): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, not ${days}`);
  let at = from.getTime();
  for (let counted = 0; counted < days;) {
    at += DAY_MS;
    const day = new Date(at);
    const weekday = day.getUTCDay();
    if (weekday !== SATURDAY && weekday !== SUNDAY && !isPublicHoliday(jurisdiction, day)) counted += 1;
  }
  return new Date(at);
}
