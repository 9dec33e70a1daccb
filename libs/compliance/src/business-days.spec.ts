import { addBusinessDays } from './business-days';

const at = (iso: string) => new Date(iso);

describe(addBusinessDays.name, () => {
  it('counts five business days from a Monday to the next Monday, same time of day', () => {
    expect(addBusinessDays(at('2026-11-23T09:30:00Z'), 5)).toEqual(at('2026-11-30T09:30:00Z'));
  });

  it('skips the weekend: Friday + 1 is Monday, Wednesday + 5 is the next Wednesday', () => {
    expect(addBusinessDays(at('2026-11-27T10:00:00Z'), 1)).toEqual(at('2026-11-30T10:00:00Z'));
    expect(addBusinessDays(at('2026-11-25T10:00:00Z'), 5)).toEqual(at('2026-12-02T10:00:00Z'));
  });

  it('starting on a weekend, counts from the Monday after it', () => {
    expect(addBusinessDays(at('2026-11-28T10:00:00Z'), 1)).toEqual(at('2026-11-30T10:00:00Z'));
    expect(addBusinessDays(at('2026-11-29T23:59:00Z'), 5)).toEqual(at('2026-12-04T23:59:00Z'));
  });

  it('spans several weekends', () => {
    expect(addBusinessDays(at('2026-11-27T00:00:00Z'), 10)).toEqual(at('2026-12-11T00:00:00Z'));
  });

  it('adds nothing for zero days and refuses negative or fractional days', () => {
    expect(addBusinessDays(at('2026-11-28T10:00:00Z'), 0)).toEqual(at('2026-11-28T10:00:00Z'));
    expect(() => addBusinessDays(at('2026-11-28T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(at('2026-11-28T10:00:00Z'), 1.5)).toThrow(RangeError);
  });
});
