import { cancellationDeadline, remainingLimit } from '@crowdlink/compliance';
import { DomainException, Money } from '@crowdlink/domain';
import { IdempotencyKeyReusedException } from '@crowdlink/platform';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { PledgeDto } from './dto/pledge.dto';
import {
  CampaignFullException,
  CampaignNotOpenException,
  InvestmentLimitExceededException,
  InvestorCountLimitException,
  RewardSoldOutException,
} from './pledge.exceptions';
import { CampaignRow, EligibilityRow } from './pledge-rows';
import { checkAdmission, isOpen, rewardFor } from './pledge-rules';

/** A pledge request whose payment method is saved, waiting for its campaign's next transaction. */
export interface PledgeRequest {
  id: string;
  investorId: string;
  projectId: string;
  body: CreatePledgeDto;
  saved: { customerRef: string; paymentMethodRef: string };
  idempotency?: { key: string; hash: string };
}

/** The campaign row as locked by the batch, with its counters. */
export interface LockedCampaign extends CampaignRow {
  committed_amount: string;
  pledge_count: number;
  investor_count: number;
  progress_version: number;
}

/** A US investor's 12-month limit and what their counted pledges already use, read under their usage lock. */
export interface InvestorUsage {
  limit: Money;
  used: bigint;
}

/** An Idempotency-Key committed before this batch: the request it was first used with and its answer. */
export interface PriorAnswer {
  hash: string;
  answer: PledgeDto;
}

/** Everything the batch read under its locks: the decisions need nothing else. */
export interface LockedState {
  campaign: LockedCampaign | undefined;
  maxInvestors: number | null;
  eligibility: Map<string, EligibilityRow>;
  /** Investors already counted in the campaign (campaign_investors). */
  counted: Set<string>;
  /** Only investors the 12-month limit applies to. */
  usage: Map<string, InvestorUsage>;
  /** By idempotencyKeyId. */
  priorAnswers: Map<string, PriorAnswer>;
  /** Counted pledges holding each reward before the batch. */
  rewardsTaken: Map<string, number>;
}

export type Decision =
  | { kind: 'accept'; shares: number | undefined; cancellableUntil: Date | null }
  | { kind: 'replay'; answer: PledgeDto }
  /** The same Idempotency-Key and request as the accepted request at `index`, earlier in the batch. */
  | { kind: 'same-as'; index: number }
  | { kind: 'refuse'; refusal: DomainException };

export interface BatchDecisions {
  decisions: Decision[];
  /** The sum of the accepted pledges. */
  raised: number;
  newInvestors: string[];
  /** The usage after the batch of each investor with an accepted pledge the limit applies to. */
  usage: Map<string, InvestorUsage>;
}

/** Idempotency-Keys are per investor. */
export const idempotencyKeyId = (investorId: string, key: string): string => `${investorId} ${key}`;

/**
 * Decides each pledge in arrival order against running totals that start from the locked
 * rows, so the batch answers exactly what the same requests would have got one transaction
 * after the other: the same rules in the same order (key, open, eligibility, cap, investor
 * count, reward quantity, 12-month limit), each refusal the request's own, nothing of a refused request counted.
 */
export function decideInOrder(requests: PledgeRequest[], state: LockedState, now: Date): BatchDecisions {
  const { campaign, maxInvestors, eligibility, counted, priorAnswers } = state;
  const rewardsTaken = new Map(state.rewardsTaken);
  let raised = 0;
  let investorCount = campaign?.investor_count ?? 0;
  const newInvestors: string[] = [];
  const usage = new Map<string, InvestorUsage>();
  /** idempotencyKeyId -> index of the accepted request that holds the key. */
  const keptBy = new Map<string, number>();

  const decide = (request: PledgeRequest): Decision => {
    const { investorId, body } = request;
    if (!campaign || !isOpen(campaign, now)) throw new CampaignNotOpenException(request.projectId);
    const { shares, sophisticated } = checkAdmission(campaign, eligibility.get(investorId), body, now);

    const room = Number(campaign.max_amount) - Number(campaign.committed_amount) - raised;
    if (body.amount > room) throw new CampaignFullException(Math.max(room, 0));
    const isNew = !counted.has(investorId) && !newInvestors.includes(investorId);
    if (isNew && maxInvestors !== null && investorCount >= maxInvestors) {
      throw new InvestorCountLimitException(maxInvestors);
    }
    const reward = body.rewardId === undefined ? undefined : rewardFor(campaign, body.rewardId, body.amount);
    const taken = reward ? (rewardsTaken.get(reward.rewardId) ?? 0) : 0;
    if (reward?.quantity != null && taken >= reward.quantity) {
      throw new RewardSoldOutException(reward.rewardId, reward.quantity);
    }
    const limited = usage.get(investorId) ?? state.usage.get(investorId);
    const after = limited && { limit: limited.limit, used: limited.used + BigInt(body.amount) };
    if (after && after.used > after.limit.minor) {
      const remaining = remainingLimit(after.limit, Money.of(limited.used, after.limit.currency)) ?? after.limit;
      throw new InvestmentLimitExceededException(Number(remaining.minor));
    }

    raised += body.amount;
    if (reward) rewardsTaken.set(reward.rewardId, taken + 1);
    if (isNew) {
      newInvestors.push(investorId);
      investorCount += 1;
    }
    if (after) usage.set(investorId, after);
    const cancellableUntil = cancellationDeadline(campaign.jurisdiction, {
      pledgedAt: now,
      closesAt: campaign.closes_at,
      sophisticated,
    });
    return { kind: 'accept', shares, cancellableUntil };
  };

  const decisions = requests.map((request, index): Decision => {
    const keyId = request.idempotency && idempotencyKeyId(request.investorId, request.idempotency.key);
    if (keyId !== undefined) {
      const earlier = priorAnswers.get(keyId) ?? keptBy.get(keyId);
      if (earlier !== undefined) return replayOf(earlier, request, requests);
    }
    try {
      const decision = decide(request);
      if (keyId !== undefined) keptBy.set(keyId, index);
      return decision;
    } catch (error) {
      if (error instanceof DomainException) return { kind: 'refuse', refusal: error };
      throw error;
    }
  });
  return { decisions, raised, newInvestors, usage };
}

/** A key already holds a pledge: the same request is answered as the first was, another one is refused. */
function replayOf(earlier: PriorAnswer | number, request: PledgeRequest, requests: PledgeRequest[]): Decision {
  const firstHash = typeof earlier === 'number' ? requests[earlier]!.idempotency!.hash : earlier.hash;
  if (firstHash !== request.idempotency!.hash) return { kind: 'refuse', refusal: new IdempotencyKeyReusedException() };
  return typeof earlier === 'number' ? { kind: 'same-as', index: earlier } : { kind: 'replay', answer: earlier.answer };
}
