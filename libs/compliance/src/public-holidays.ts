import { Jurisdiction } from './jurisdiction';

const JANUARY = 0;
const FEBRUARY = 1;
const MAY = 4;
const JUNE = 5;
const JULY = 6;
const SEPTEMBER = 8;
const OCTOBER = 9;
const NOVEMBER = 10;
const DECEMBER = 11;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
/** Juneteenth National Independence Day Act, signed 2021-06-17. */
const JUNETEENTH_FIRST_YEAR = 2021;

/**
 * Whether the UTC calendar day of `day` is a public holiday that is not a business day in
 * `jurisdiction`. US: the federal holidays of 5 U.S.C. 6103(a), on the days they are observed
 * (one on a Saturday is observed the Friday before, on a Sunday the Monday after): the
 * business days of §227.304(c) exclude them. CN and EU: none is known here; CN's holidays and
 * make-up working days are set each year by the State Council, and the EU's differ by member
 * state, so a calendar for them would be configuration, not a rule.
 */
export function isPublicHoliday(jurisdiction: Jurisdiction, day: Date): boolean {
  if (jurisdiction !== 'US') return false;
  const key = dayKey(day);
  const year = day.getUTCFullYear();
  // a holiday observed on the Friday before New Year's Day falls in the year before
  return [year, year + 1].some((y) => usFederalHolidaysObserved(y).some((holiday) => dayKey(holiday) === key));
}

function usFederalHolidaysObserved(year: number): Date[] {
  const fixed = [
    utc(year, JANUARY, 1), // New Year's Day
    ...(year >= JUNETEENTH_FIRST_YEAR ? [utc(year, JUNE, 19)] : []),
    utc(year, JULY, 4), // Independence Day
    utc(year, NOVEMBER, 11), // Veterans Day
    utc(year, DECEMBER, 25), // Christmas Day
  ].map(observed);
  return [
    ...fixed,
    nthWeekday(year, JANUARY, MONDAY, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, FEBRUARY, MONDAY, 3), // Washington's Birthday
    lastWeekday(year, MAY, MONDAY), // Memorial Day
    nthWeekday(year, SEPTEMBER, MONDAY, 1), // Labor Day
    nthWeekday(year, OCTOBER, MONDAY, 2), // Columbus Day
    nthWeekday(year, NOVEMBER, THURSDAY, 4), // Thanksgiving Day
  ];
}

/** Executive Order 11582: Saturday's holiday on the Friday before, Sunday's on the Monday after. */
function observed(holiday: Date): Date {
  const weekday = holiday.getUTCDay();
  if (weekday === SATURDAY) return addDays(holiday, -1);
  if (weekday === SUNDAY) return addDays(holiday, 1);
  return holiday;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  const first = utc(year, month, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): Date {
  const last = utc(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month, day));
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 24 * 3600 * 1000);
const dayKey = (date: Date): string => date.toISOString().slice(0, 10);
