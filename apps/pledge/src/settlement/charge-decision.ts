import { ChargeResult } from '../payments/payment-provider';

export type ChargeDecision =
  | { to: 'CHARGED'; chargeRef: string }
  | { to: 'PAYMENT_FAILED'; declineCode: string }
  | { to: 'PAYMENT_ACTION_REQUIRED'; declineCode: string; fixBy: Date };

/**
 * What a provider's answer does to a pledge (domain-rules.md §2): a success is CHARGED, a
 * hard decline PAYMENT_FAILED at once, a soft decline PAYMENT_ACTION_REQUIRED until the fix
 * window ends — opened at the first soft decline (`fixBy` null) and never extended, so a
 * new method declined after the window ended fails the pledge.
 */
export function decideCharge(
  result: ChargeResult,
  { fixBy, now, fixWindowSeconds }: { fixBy: Date | null; now: Date; fixWindowSeconds: number },
): ChargeDecision {
  if (result.outcome === 'network_error') throw new RangeError('A network error decides nothing: retry the charge');
  if (result.outcome === 'succeeded') {
    if (!result.chargeRef) throw new RangeError('A succeeded charge must carry its chargeRef');
    return { to: 'CHARGED', chargeRef: result.chargeRef };
  }
  const declineCode = result.declineCode ?? result.outcome;
  if (result.outcome === 'hard_decline' || (fixBy !== null && fixBy.getTime() <= now.getTime())) {
    return { to: 'PAYMENT_FAILED', declineCode };
  }
  return {
    to: 'PAYMENT_ACTION_REQUIRED',
    declineCode,
    fixBy: fixBy ?? new Date(now.getTime() + fixWindowSeconds * 1000),
  };
}
