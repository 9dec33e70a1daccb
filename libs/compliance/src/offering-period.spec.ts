import { meetsMinimumOfferingPeriod, minimumOfferingPeriodMs } from './offering-period';

const DAY = 24 * 3600 * 1000;
const opensAt = new Date('2026-12-01T00:00:00Z');
const after = (ms: number) => new Date(opensAt.getTime() + ms);

describe(meetsMinimumOfferingPeriod.name, () => {
  it('keeps a US offering open at least 21 days (17 CFR 227.303(a))', () => {
    expect(minimumOfferingPeriodMs('US')).toBe(21 * DAY);
    expect(meetsMinimumOfferingPeriod('US', opensAt, after(21 * DAY))).toBe(true);
    expect(meetsMinimumOfferingPeriod('US', opensAt, after(21 * DAY - 1))).toBe(false);
  });

  it.each(['EU', 'CN'] as const)('states no minimum in %s, but the offering must still close after it opens', (j) => {
    expect(minimumOfferingPeriodMs(j)).toBe(0);
    expect(meetsMinimumOfferingPeriod(j, opensAt, after(1))).toBe(true);
    expect(meetsMinimumOfferingPeriod(j, opensAt, opensAt)).toBe(false);
    expect(meetsMinimumOfferingPeriod(j, opensAt, after(-DAY))).toBe(false);
  });
});
