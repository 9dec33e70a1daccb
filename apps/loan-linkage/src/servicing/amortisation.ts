/** One instalment of an equal-instalment schedule, in integer minor units. */
export interface ScheduledInstalment {
  seq: number;
  dueAt: Date;
  principal: bigint;
  interest: bigint;
}

export interface AmortisationTerms {
  principal: bigint;
  annualRateBps: number;
  termMonths: number;
  /** The first instalment falls due one month after this. */
  startsAt: Date;
}

/** Monthly interest is `balance × annualRateBps / MONTHLY_RATE_DENOMINATOR` (12 months × 10 000 bps). */
const MONTHLY_RATE_DENOMINATOR = 120_000n;

/**
 * An equal-instalment (annuity) schedule in integer arithmetic. The instalment is the annuity
 * formula P·r·(1+r)^n / ((1+r)^n − 1), computed exactly with bigints and rounded half up; each
 * month's interest is the balance's, rounded half up; the last instalment takes whatever
 * principal remains, so the principal parts always sum exactly to the principal.
 */
export function amortisationSchedule({
  principal,
  annualRateBps,
  termMonths,
  startsAt,
}: AmortisationTerms): ScheduledInstalment[] {
  if (principal <= 0n) throw new RangeError(`principal must be positive: ${principal}`);
  if (!Number.isInteger(annualRateBps) || annualRateBps < 0) {
    throw new RangeError(`annualRateBps must be a non-negative integer: ${annualRateBps}`);
  }
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError(`termMonths must be ≥ 1: ${termMonths}`);

  const payment = levelPayment(principal, BigInt(annualRateBps), termMonths);
  const schedule: ScheduledInstalment[] = [];
  let balance = principal;
  for (let seq = 1; seq <= termMonths; seq++) {
    const interest = divideHalfUp(balance * BigInt(annualRateBps), MONTHLY_RATE_DENOMINATOR);
    const principalPart = seq === termMonths ? balance : clamp(payment - interest, 0n, balance);
    schedule.push({ seq, dueAt: addMonths(startsAt, seq), principal: principalPart, interest });
    balance -= principalPart;
  }
  return schedule;
}

function levelPayment(principal: bigint, rateBps: bigint, months: number): bigint {
  if (rateBps === 0n) return divideHalfUp(principal, BigInt(months));
  const growth = (MONTHLY_RATE_DENOMINATOR + rateBps) ** BigInt(months);
  const base = MONTHLY_RATE_DENOMINATOR ** BigInt(months);
  return divideHalfUp(principal * rateBps * growth, MONTHLY_RATE_DENOMINATOR * (growth - base));
}

function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

/** The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}
