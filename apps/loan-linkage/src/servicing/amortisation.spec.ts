import { addMonths, amortisationSchedule } from './amortisation';

const startsAt = new Date('2026-01-31T10:00:00.000Z');

describe(amortisationSchedule.name, () => {
  it('makes equal instalments whose principal parts sum exactly to the principal', () => {
    const schedule = amortisationSchedule({ principal: 1_000_000n, annualRateBps: 1200, termMonths: 12, startsAt });

    expect(schedule).toHaveLength(12);
    expect(schedule.reduce((sum, i) => sum + i.principal, 0n)).toBe(1_000_000n);
    // 1% a month on 10 000.00: the textbook annuity is 88 848.79 → 88 849 minor units
    const amounts = schedule.map((i) => i.principal + i.interest);
    expect(new Set(amounts.slice(0, 11))).toEqual(new Set([88_849n]));
    expect(schedule[0].interest).toBe(10_000n);
  });

  it('gives the rounding remainder to the last instalment only', () => {
    const schedule = amortisationSchedule({ principal: 100n, annualRateBps: 0, termMonths: 3, startsAt });

    expect(schedule.map((i) => i.principal)).toEqual([33n, 33n, 34n]);
    expect(schedule.map((i) => i.interest)).toEqual([0n, 0n, 0n]);
  });

  it('never lets a principal part go negative on tiny loans', () => {
    const schedule = amortisationSchedule({ principal: 2n, annualRateBps: 0, termMonths: 5, startsAt });

    expect(schedule.every((i) => i.principal >= 0n)).toBe(true);
    expect(schedule.reduce((sum, i) => sum + i.principal, 0n)).toBe(2n);
  });

  it('sums exactly for large principals and long terms', () => {
    const principal = 9_000_000_000_000n;
    const schedule = amortisationSchedule({ principal, annualRateBps: 875, termMonths: 36, startsAt });

    expect(schedule.reduce((sum, i) => sum + i.principal, 0n)).toBe(principal);
    const first = schedule[0].principal + schedule[0].interest;
    const last = schedule[35].principal + schedule[35].interest;
    expect(last - first).toBeLessThanOrEqual(36n);
    expect(first - last).toBeLessThanOrEqual(36n);
  });

  it('falls due monthly from the start, clamping to the end of shorter months', () => {
    const schedule = amortisationSchedule({ principal: 1_000n, annualRateBps: 500, termMonths: 3, startsAt });

    expect(schedule.map((i) => i.dueAt.toISOString())).toEqual([
      '2026-02-28T10:00:00.000Z',
      '2026-03-31T10:00:00.000Z',
      '2026-04-30T10:00:00.000Z',
    ]);
  });

  it('refuses a non-positive principal or term', () => {
    expect(() => amortisationSchedule({ principal: 0n, annualRateBps: 0, termMonths: 3, startsAt })).toThrow(
      RangeError,
    );
    expect(() => amortisationSchedule({ principal: 10n, annualRateBps: 0, termMonths: 0, startsAt })).toThrow(
      RangeError,
    );
  });
});

describe(addMonths.name, () => {
  it('crosses a year end', () => {
    expect(addMonths(new Date('2026-12-15T00:00:00.000Z'), 2).toISOString()).toBe('2027-02-15T00:00:00.000Z');
  });
});
