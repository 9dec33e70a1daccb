import { addBusinessDays } from './business-days';

const at = (iso: string) => new Date(iso);

describe(addBusinessDays.name, () => {
  it('counts five business days from a Monday to the next Monday, same time of day', () => {
    expect(addBusinessDays(at('2026-11-16T09:30:00Z'), 5, 'US')).toEqual(at('2026-11-23T09:30:00Z'));
  });

  it('skips the weekend: Friday + 1 is Monday, Wednesday + 5 is the next Wednesday', () => {
    expect(addBusinessDays(at('2026-11-27T10:00:00Z'), 1, 'EU')).toEqual(at('2026-11-30T10:00:00Z'));
    expect(addBusinessDays(at('2026-11-25T10:00:00Z'), 5, 'EU')).toEqual(at('2026-12-02T10:00:00Z'));
  });

  it('starting on a weekend, counts from the Monday after it', () => {
    expect(addBusinessDays(at('2026-11-28T10:00:00Z'), 1, 'CN')).toEqual(at('2026-11-30T10:00:00Z'));
    expect(addBusinessDays(at('2026-11-29T23:59:00Z'), 5, 'CN')).toEqual(at('2026-12-04T23:59:00Z'));
  });

  it('spans several weekends', () => {
    expect(addBusinessDays(at('2026-11-27T00:00:00Z'), 10, 'EU')).toEqual(at('2026-12-11T00:00:00Z'));
  });

  it('in the US, skips the federal holidays on the days they are observed', () => {
    // Thanksgiving, Thursday 2026-11-26: Wednesday + 1 is Friday, + 5 is the Thursday after
    expect(addBusinessDays(at('2026-11-25T10:00:00Z'), 1, 'US')).toEqual(at('2026-11-27T10:00:00Z'));
    expect(addBusinessDays(at('2026-11-25T10:00:00Z'), 5, 'US')).toEqual(at('2026-12-03T10:00:00Z'));
    // Christmas and New Year's Day 2027/28 fall on Saturdays: observed Friday 24 and Friday 31 December
    expect(addBusinessDays(at('2027-12-23T10:00:00Z'), 1, 'US')).toEqual(at('2027-12-27T10:00:00Z'));
    expect(addBusinessDays(at('2027-12-30T10:00:00Z'), 1, 'US')).toEqual(at('2028-01-03T10:00:00Z'));
    // Independence Day 2027 is a Sunday: observed Monday 5 July
    expect(addBusinessDays(at('2027-07-02T10:00:00Z'), 1, 'US')).toEqual(at('2027-07-06T10:00:00Z'));
  });

  it('adds nothing for zero days and refuses negative or fractional days', () => {
    expect(addBusinessDays(at('2026-11-28T10:00:00Z'), 0, 'US')).toEqual(at('2026-11-28T10:00:00Z'));
    expect(() => addBusinessDays(at('2026-11-28T10:00:00Z'), -1, 'US')).toThrow(RangeError);
    expect(() => addBusinessDays(at('2026-11-28T10:00:00Z'), 1.5, 'US')).toThrow(RangeError);
  });
});
