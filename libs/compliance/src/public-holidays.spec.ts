import { isPublicHoliday } from './public-holidays';

const DAY_MS = 24 * 3600 * 1000;

/** The days of `year` on which isPublicHoliday holds, as YYYY-MM-DD. */
function holidaysOf(jurisdiction: 'US' | 'EU' | 'CN', year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
    if (isPublicHoliday(jurisdiction, new Date(t))) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

describe(isPublicHoliday.name, () => {
  it('gives the US federal holidays of 2026 as OPM lists them (Independence Day on a Saturday: Friday 3 July)', () => {
    expect(holidaysOf('US', 2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('observes a Saturday New Year’s Day on the Friday before, in the old year', () => {
    expect(holidaysOf('US', 2021)).toContain('2021-12-31'); // 1 January 2022 is a Saturday
    expect(holidaysOf('US', 2022)).not.toContain('2022-01-01');
  });

  it('knows Juneteenth from 2021 on, observed on Friday 18 June that year', () => {
    expect(holidaysOf('US', 2021)).toContain('2021-06-18');
    expect(holidaysOf('US', 2020)).not.toContain('2020-06-19');
  });

  it('any time of the day is the holiday', () => {
    expect(isPublicHoliday('US', new Date('2026-11-26T00:00:00Z'))).toBe(true);
    expect(isPublicHoliday('US', new Date('2026-11-26T23:59:59Z'))).toBe(true);
    expect(isPublicHoliday('US', new Date('2026-11-27T00:00:00Z'))).toBe(false);
  });

  it('knows no holiday in CN or the EU (their calendars are set yearly or per member state)', () => {
    expect(holidaysOf('CN', 2026)).toEqual([]);
    expect(holidaysOf('EU', 2026)).toEqual([]);
  });
});
