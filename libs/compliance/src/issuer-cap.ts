import { Money } from '@crowdlink/domain';
import { inForceOn } from './effective';
import { Jurisdiction } from './jurisdiction';
import { policyOf } from './jurisdiction-policies';

/** The issuer cap in force on a date, or null where the jurisdiction has none. */
export function issuerCapOn(jurisdiction: Jurisdiction, on: Date): Money | null {
  const policy = policyOf(jurisdiction);
  const cap = inForceOn(policy.issuerCap, on, `${jurisdiction} issuer cap`);
  return cap === null ? null : Money.of(cap, policy.currency);
}

export interface IssuerCapCheck {
  allowed: boolean;
  /** null = no cap in this jurisdiction. */
  cap: Money | null;
  used: Money;
  requested: Money;
}

/**
 * Whether a company that already raises `used` in the rolling 12 months may offer
 * `requested` more, under the cap in force on `on` (the offering's opening).
 */
export function checkIssuerCap(jurisdiction: Jurisdiction, on: Date, used: Money, requested: Money): IssuerCapCheck {
  const cap = issuerCapOn(jurisdiction, on);
  const allowed = cap === null || used.add(requested).compare(cap) <= 0;
  return { allowed, cap, used, requested };
}
