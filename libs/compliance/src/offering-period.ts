import { Jurisdiction } from './jurisdiction';
import { policyOf } from './jurisdiction-policies';

const DAY_MS = 24 * 3600 * 1000;

/** The shortest time an offering must stay open, in milliseconds (0 = none stated). */
export function minimumOfferingPeriodMs(jurisdiction: Jurisdiction): number {
  return policyOf(jurisdiction).minimumOfferingPeriodDays * DAY_MS;
}

/** Whether an offering window is long enough, and closes after it opens, in any case. */
export function meetsMinimumOfferingPeriod(jurisdiction: Jurisdiction, opensAt: Date, closesAt: Date): boolean {
  const length = closesAt.getTime() - opensAt.getTime();
  return length > 0 && length >= minimumOfferingPeriodMs(jurisdiction);
}
