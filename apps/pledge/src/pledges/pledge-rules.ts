import { isQualifiedCnInvestor, Jurisdiction, policyOf, requiresRiskAcknowledgement } from '@crowdlink/compliance';
import { Money } from '@crowdlink/domain';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import {
  BelowMinPledgeException,
  BelowRewardAmountException,
  KnowledgeTestRequiredException,
  KycRequiredException,
  NotAWholeNumberOfSharesException,
  NotQualifiedInvestorException,
  RewardNotFoundException,
  RiskAcknowledgementRequiredException,
} from './pledge.exceptions';
import { CampaignRow, EligibilityRow } from './pledge-rows';

/**
 * The admission rules that need no lock: pure checks of the pledge against the campaign and
 * the investor's eligibility, through the compliance library. Throws the first refusal;
 * answers the number of shares (EQUITY with a price) and whether the investor is sophisticated.
 */
export function checkAdmission(
  campaign: CampaignRow,
  eligibility: EligibilityRow | undefined,
  body: CreatePledgeDto,
  now: Date,
): { shares: number | undefined; sophisticated: boolean } {
  const { jurisdiction, kind, currency } = campaign;
  const amount = Money.of(body.amount, currency);

  if (body.amount < Number(campaign.min_pledge)) throw new BelowMinPledgeException(Number(campaign.min_pledge));
  const shares = sharesFor(campaign, body.amount);
  if (body.rewardId !== undefined) rewardFor(campaign, body.rewardId, body.amount);

  if (kind === 'EQUITY' && eligibility?.kyc_status !== 'VERIFIED') throw new KycRequiredException();
  const sophisticated = eligibility?.sophisticated ?? false;
  if (jurisdiction === 'EU' && !sophisticated) {
    const testValidUntil = eligibility?.knowledge_test_passed_until;
    if (!testValidUntil || testValidUntil.getTime() <= now.getTime()) throw new KnowledgeTestRequiredException();
    const netWorth = figure(eligibility, 'net_worth', 'EU');
    if (
      currency === netWorth.currency &&
      requiresRiskAcknowledgement({ netWorth, sophisticated }, amount, now) &&
      body.riskAcknowledged !== true
    ) {
      throw new RiskAcknowledgementRequiredException();
    }
  }
  if (jurisdiction === 'CN' && kind === 'EQUITY' && currency === policyOf('CN').currency) {
    const figures = {
      financialAssets: figure(eligibility, 'financial_assets', 'CN'),
      averageAnnualIncomeThreeYears: figure(eligibility, 'average_annual_income_three_years', 'CN'),
    };
    if (!isQualifiedCnInvestor(figures, amount, now)) throw new NotQualifiedInvestorException();
  }
  return { shares, sophisticated };
}

/**
 * EQUITY with a price: a pledge buys whole shares (domain-rules.md §2), so the amount must be
 * a multiple of the price. Other campaigns sell no shares: undefined.
 */
export function sharesFor(campaign: Pick<CampaignRow, 'kind' | 'price_per_share'>, amount: number): number | undefined {
  if (campaign.kind !== 'EQUITY' || campaign.price_per_share === null) return undefined;
  const price = Number(campaign.price_per_share);
  if (amount % price !== 0) throw new NotAWholeNumberOfSharesException(price);
  return amount / price;
}

/** The reward a pledge asks for: one the campaign offers, for at least its amount. */
export function rewardFor(
  campaign: Pick<CampaignRow, 'rewards'>,
  rewardId: string,
  amount: number,
): CampaignRow['rewards'][number] {
  const reward = campaign.rewards.find((offered) => offered.rewardId === rewardId);
  if (!reward) throw new RewardNotFoundException(rewardId);
  if (amount < reward.amount) throw new BelowRewardAmountException(reward.amount);
  return reward;
}

export function isOpen(campaign: Pick<CampaignRow, 'status' | 'opens_at' | 'closes_at'>, now: Date): boolean {
  return (
    campaign.status === 'LIVE' &&
    campaign.opens_at.getTime() <= now.getTime() &&
    now.getTime() < campaign.closes_at.getTime()
  );
}

/**
 * An investor's figure in the currency the jurisdiction's law states its amounts in. The
 * rules have no exchange rate: a figure given in another currency, or none, counts as zero,
 * which gives the most cautious answer (the lowest limit, no qualification).
 */
export function figure(
  eligibility: EligibilityRow | undefined,
  field: 'annual_income' | 'net_worth' | 'financial_assets' | 'average_annual_income_three_years',
  jurisdiction: Jurisdiction,
): Money {
  const currency = policyOf(jurisdiction).currency;
  const value = eligibility?.currency === currency ? eligibility[field] : null;
  return Money.of(value ?? 0, currency);
}
