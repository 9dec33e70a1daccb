import { Effective } from './effective';
import { Jurisdiction } from './jurisdiction';

export interface JurisdictionPolicy {
  /** The currency the law states its amounts in; projects of this jurisdiction raise in it. */
  currency: string;
  /** Most one company may raise over a rolling 12 months (minor units; null = no cap), oldest version first. */
  issuerCap: readonly Effective<bigint | null>[];
  /** Shortest time an offering must stay open, in days (0 = no minimum stated). */
  minimumOfferingPeriodDays: number;
}

/**
 * The numbers of domain-rules.md §1, kept together so that a change of law is a change of
 * data. Amounts are minor units (cents).
 */
export const JURISDICTION_POLICIES: Readonly<Record<Jurisdiction, JurisdictionPolicy>> = {
  US: {
    currency: 'USD',
    // 17 CFR 227.100(a)(1): $1,070,000 until the 2021 amendments raised it to $5,000,000
    issuerCap: [
      { effectiveFrom: '1970-01-01', value: 107_000_000n },
      { effectiveFrom: '2021-03-15', value: 500_000_000n },
    ],
    // 17 CFR 227.303(a): open at least 21 days
    minimumOfferingPeriodDays: 21,
  },
  EU: {
    currency: 'EUR',
    // ECSPR Art 1(2)(c): €5,000,000 per project owner over 12 months
    issuerCap: [{ effectiveFrom: '1970-01-01', value: 500_000_000n }],
    // ECSPR states no minimum offering period
    minimumOfferingPeriodDays: 0,
  },
  CN: {
    currency: 'CNY',
    // The 2014/2015 pilot draft rules cap investors (200 per campaign), not the amount an
    // issuer raises: no issuer cap.
    issuerCap: [{ effectiveFrom: '1970-01-01', value: null }],
    // and state no minimum offering period
    minimumOfferingPeriodDays: 0,
  },
};

export function policyOf(jurisdiction: Jurisdiction): JurisdictionPolicy {
  return JURISDICTION_POLICIES[jurisdiction];
}
