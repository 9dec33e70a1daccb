import { Jurisdiction, minimumOfferingPeriodMs, policyOf } from '@crowdlink/compliance';
import { ProjectTermsInvalidException } from './project.exceptions';
import { FundingModel, ProjectKind } from './project.model';

/** The fields whose consistency domain-rules.md §2 constrains, after a create or an edit. */
export interface ProjectTerms {
  kind: ProjectKind;
  jurisdiction: Jurisdiction;
  currency: string;
  targetAmount: number;
  maxAmount: number;
  minPledge: number;
  opensAt: Date;
  closesAt: Date;
  fundingModel: FundingModel;
  hasEquityTerms: boolean;
  rewardCount: number;
}

/**
 * Refuses inconsistent terms with the first rule they break. A draft may be incomplete
 * (see completeness.ts) but never contradictory.
 */
export function assertConsistentTerms(terms: ProjectTerms): void {
  const policy = policyOf(terms.jurisdiction);
  // the issuer cap is stated in the jurisdiction's currency and there is no FX here:
  // a project raises in the currency of its jurisdiction
  if (terms.currency !== policy.currency) {
    throw new ProjectTermsInvalidException(
      'CURRENCY_NOT_ALLOWED',
      `${terms.jurisdiction} projects raise in ${policy.currency}`,
      { jurisdiction: terms.jurisdiction, currency: terms.currency, allowed: [policy.currency] },
    );
  }
  if (terms.targetAmount > terms.maxAmount) {
    throw new ProjectTermsInvalidException('TARGET_ABOVE_MAX', 'targetAmount must not exceed maxAmount', {
      targetAmount: terms.targetAmount,
      maxAmount: terms.maxAmount,
    });
  }
  if (terms.minPledge > terms.maxAmount) {
    throw new ProjectTermsInvalidException('MIN_PLEDGE_ABOVE_MAX', 'minPledge must not exceed maxAmount', {
      minPledge: terms.minPledge,
      maxAmount: terms.maxAmount,
    });
  }
  const minimumMs = minimumOfferingPeriodMs(terms.jurisdiction);
  const lengthMs = terms.closesAt.getTime() - terms.opensAt.getTime();
  if (lengthMs <= 0 || lengthMs < minimumMs) {
    throw new ProjectTermsInvalidException(
      'OFFERING_PERIOD_TOO_SHORT',
      `closesAt must come after opensAt, by at least ${policy.minimumOfferingPeriodDays} days in ${terms.jurisdiction}`,
      { jurisdiction: terms.jurisdiction, minimumDays: policy.minimumOfferingPeriodDays },
    );
  }
  if (terms.kind === 'EQUITY' && !terms.hasEquityTerms) {
    throw new ProjectTermsInvalidException('EQUITY_TERMS_REQUIRED', 'An EQUITY project needs equity terms');
  }
  if (terms.kind !== 'EQUITY' && terms.hasEquityTerms) {
    throw new ProjectTermsInvalidException('EQUITY_TERMS_NOT_ALLOWED', 'Only EQUITY projects have equity terms');
  }
  if (terms.kind === 'EQUITY' && terms.fundingModel !== 'ALL_OR_NOTHING') {
    throw new ProjectTermsInvalidException('FUNDING_MODEL_NOT_ALLOWED', 'EQUITY projects are ALL_OR_NOTHING', {
      allowed: ['ALL_OR_NOTHING'],
    });
  }
  if (terms.kind !== 'REWARD' && terms.rewardCount > 0) {
    throw new ProjectTermsInvalidException('REWARDS_NOT_ALLOWED', 'Only REWARD projects have rewards');
  }
}
