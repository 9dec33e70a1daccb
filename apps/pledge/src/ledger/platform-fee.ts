import { BPS_PER_WHOLE, Money } from '@crowdlink/domain';

/** ISO 4217 "no currency": the fee is in the raised amount's minor units, whichever currency that is. */
const ANY_CURRENCY = 'XXX';

/**
 * The platform's fee on a raised amount, in the same minor units: `raised × feeBps / 10 000`
 * rounded half up (Money.multiplyBps rounds half away from zero, the same for a fee that is
 * never negative). Integer arithmetic only, so the fee and the startup's share always add up
 * to exactly what was raised.
 */
export function platformFeeOf(raised: number, feeBps: number): number {
  if (!Number.isSafeInteger(raised) || raised < 0)
    throw new RangeError(`raised must be a non-negative integer: ${raised}`);
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > BPS_PER_WHOLE) {
    throw new RangeError(`feeBps must be an integer from 0 to ${BPS_PER_WHOLE}: ${feeBps}`);
  }
  return Number(Money.of(raised, ANY_CURRENCY).multiplyBps(feeBps).minor);
}
