import { roundRatioBps, VENTURE_DEBT_PRACTICE_BPS } from '../collateral/loan-to-value';
import { VentureDebtRatioDto } from './dto/loan.dto';

/** Shows the bank its loan against the 20–40% of the round that venture-debt practice lends. */
export function ventureDebtRatio(principal: bigint, roundTarget: bigint): VentureDebtRatioDto {
  const ratio = roundRatioBps(principal, roundTarget);
  return {
    roundRatioBps: ratio,
    practiceMinBps: VENTURE_DEBT_PRACTICE_BPS.min,
    practiceMaxBps: VENTURE_DEBT_PRACTICE_BPS.max,
    withinPractice: ratio >= VENTURE_DEBT_PRACTICE_BPS.min && ratio <= VENTURE_DEBT_PRACTICE_BPS.max,
  };
}
