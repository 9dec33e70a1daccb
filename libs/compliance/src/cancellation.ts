import { inForceOn } from './effective';
import { CANCELLATION_CUTOFF_HOURS_BEFORE_DEADLINE, EU_INVESTOR_RULE } from './investor-policies';
import { Jurisdiction } from './jurisdiction';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface PledgeTiming {
  pledgedAt: Date;
  closesAt: Date;
  /** EU: a sophisticated investor has no reflection period. */
  sophisticated: boolean;
}

/**
 * Until when an investor may cancel a pledge without reason, or null when the law gives no
 * such right:
 * - US (17 CFR 227.304(a)) and CN (platform practice): until 48 hours before the deadline;
 * - EU (ECSPR Art 22): a non-sophisticated investor for 4 calendar days after pledging; a
 *   sophisticated investor has no reflection period.
 */
export function cancellationDeadline(jurisdiction: Jurisdiction, pledge: PledgeTiming): Date | null {
  if (jurisdiction === 'EU') {
    if (pledge.sophisticated) return null;
    const days = inForceOn(EU_INVESTOR_RULE, pledge.pledgedAt, 'ECSPR investor rule').reflectionPeriodDays;
    return new Date(pledge.pledgedAt.getTime() + days * DAY_MS);
  }
  return new Date(pledge.closesAt.getTime() - CANCELLATION_CUTOFF_HOURS_BEFORE_DEADLINE * HOUR_MS);
}

/** Whether a cancellation asked for at `now` is in time. */
export function mayCancel(jurisdiction: Jurisdiction, pledge: PledgeTiming, now: Date): boolean {
  const deadline = cancellationDeadline(jurisdiction, pledge);
  return deadline !== null && now.getTime() < deadline.getTime();
}

/**
 * Whether the right to cancel outlasts the campaign's close, so that a pledge must not be
 * charged before its cancellation deadline: the EU reflection period runs from the pledge,
 * whatever the campaign does meanwhile (ECSPR Art 22); the US and CN rights end before the
 * deadline, which a close brings forward, so those pledges are charged at the close.
 */
export function cancellationOutlastsClose(jurisdiction: Jurisdiction): boolean {
  return jurisdiction === 'EU';
}
