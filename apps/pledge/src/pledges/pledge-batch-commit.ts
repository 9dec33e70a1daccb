import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maxInvestorsPerCampaign } from '@crowdlink/compliance';
import { Clock, CLOCK, DomainException } from '@crowdlink/domain';
import { OutboxPublisher, TypedNewEvent } from '@crowdlink/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignAdmission, progressEvent } from './campaign-admission';
import { PledgeDto } from './dto/pledge.dto';
import { IdempotencyKeys, KeyClaim } from './idempotency-keys';
import { InvestorLimitGuard } from './investor-limit.guard';
import {
  BatchDecisions,
  decideInOrder,
  idempotencyKeyId,
  LockedCampaign,
  LockedState,
  PledgeRequest,
} from './pledge-batch-decisions';
import { EligibilityRow, PLEDGE_COLUMNS, PledgeRow, toDto } from './pledge-rows';

/** Each request's own answer: its pledge (new or replayed), or its refusal. */
export type PledgeOutcome = { pledge: PledgeDto } | { refusal: DomainException };

type Accepted = { request: PledgeRequest; shares: number | undefined; cancellableUntil: Date | null };

/**
 * One transaction for a batch of pledges into one campaign (group commit): a commit, and the
 * campaign row's lock held across it, is what a pledge costs most, so the batch pays them
 * once. Locks in a fixed order (Idempotency-Keys, campaign row, investors' usage rows), reads
 * what the rules need, decides each pledge in arrival order (decideInOrder), then writes the
 * accepted pledges, their events and the counters together. A refusal is a request's own
 * answer and fails nothing; any other error rolls the whole batch back.
 */
@Injectable()
export class PledgeBatchCommit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly admission: CampaignAdmission,
    private readonly investorLimit: InvestorLimitGuard,
  ) {}

  /** `requests` are all for the same campaign. */
  async run(requests: PledgeRequest[]): Promise<PledgeOutcome[]> {
    const investorIds = [...new Set(requests.map((request) => request.investorId))];
    // read before the transaction (it takes no lock either way): one statement less under the campaign's lock
    const eligibility = await this.eligibilityOf(this.dataSource.manager, investorIds);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const state = await this.lockAndRead(manager, requests, investorIds, eligibility, now);
      const decided = decideInOrder(requests, state, now);
      const accepted = decided.decisions.flatMap((decision, i) =>
        decision.kind === 'accept' ? [{ ...decision, request: requests[i]! }] : [],
      );
      const pledges = state.campaign
        ? await this.record(manager, state.campaign, state.maxInvestors, decided, accepted, now)
        : new Map<string, PledgeDto>();
      const outcomes = decided.decisions.map((decision, i): PledgeOutcome => {
        switch (decision.kind) {
          case 'accept':
            return { pledge: pledges.get(requests[i]!.id)! };
          case 'same-as':
            return { pledge: pledges.get(requests[decision.index]!.id)! };
          case 'replay':
            return { pledge: decision.answer };
          case 'refuse':
            return { refusal: decision.refusal };
        }
      });
      await this.settleKeys(manager, requests, state, outcomes);
      return outcomes;
    });
  }

  /** Locks in this order: Idempotency-Keys, the campaign row, the investors' usage rows. */
  private async lockAndRead(
    manager: EntityManager,
    requests: PledgeRequest[],
    investorIds: string[],
    eligibility: Map<string, EligibilityRow>,
    now: Date,
  ): Promise<LockedState> {
    const projectId = requests[0]!.projectId;
    const priorAnswers = await this.idempotencyKeys.claimAll(manager, claimsOf(requests));
    const campaign = await this.admission.lock(manager, projectId);
    return {
      campaign,
      maxInvestors: campaign ? maxInvestorsPerCampaign(campaign.jurisdiction, campaign.kind, now) : null,
      eligibility,
      usage: campaign ? await this.investorLimit.lockAll(manager, campaign, eligibility, investorIds, now) : new Map(),
      counted: campaign ? await this.admission.countedAmong(manager, projectId, investorIds) : new Set(),
      rewardsTaken: requests.some((request) => request.body.rewardId !== undefined)
        ? await this.admission.rewardsTaken(manager, projectId)
        : new Map(),
      priorAnswers,
    };
  }

  /** The accepted pledges, their events, the campaign's counters and the investors' usage. */
  private async record(
    manager: EntityManager,
    campaign: LockedCampaign,
    maxInvestors: number | null,
    decided: BatchDecisions,
    accepted: Accepted[],
    now: Date,
  ): Promise<Map<string, PledgeDto>> {
    if (accepted.length === 0) return new Map();
    const rows = await this.insertPledges(manager, campaign, accepted, now);
    const progress = await this.admission.admitAll(
      manager,
      campaign,
      {
        raised: decided.raised,
        pledges: accepted.length,
        newInvestors: decided.newInvestors,
        maxInvestors,
      },
      now,
    );
    await this.investorLimit.recordAll(manager, decided.usage);
    // the pledges' events and the campaign's one progress event, in one INSERT
    await this.outbox.publishMany(manager, [
      ...accepted.map(({ request, cancellableUntil }): TypedNewEvent => ({
        type: 'pledge.committed',
        aggregateId: request.id,
        aggregateVersion: 1,
        payload: {
          pledgeId: request.id,
          projectId: campaign.project_id,
          investorId: request.investorId,
          jurisdiction: campaign.jurisdiction,
          currency: campaign.currency,
          amount: request.body.amount,
          committedAt: now.toISOString(),
          cancellableUntil: cancellableUntil?.toISOString() ?? null,
        },
      })),
      progressEvent(campaign.project_id, campaign.currency, progress),
    ]);
    return new Map(rows.map((row) => [row.id, toDto(row)]));
  }

  private async insertPledges(
    manager: EntityManager,
    campaign: LockedCampaign,
    accepted: Accepted[],
    now: Date,
  ): Promise<PledgeRow[]> {
    const column = <T>(pick: (pledge: Accepted) => T): T[] => accepted.map(pick);
    return (await manager.query(
      `INSERT INTO pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount, shares,
                            reward_id, payment_method, customer_ref, payment_method_ref, risk_acknowledged,
                            cancellable_until, committed_at)
       SELECT p.id, $1, p.investor_id, 'COMMITTED', $2, $3, $4, p.amount, p.shares, p.reward_id, p.payment_method,
              p.customer_ref, p.payment_method_ref, p.risk_acknowledged, p.cancellable_until, $5
         FROM unnest($6::uuid[], $7::uuid[], $8::bigint[], $9::bigint[], $10::uuid[], $11::text[], $12::text[],
                     $13::text[], $14::boolean[], $15::timestamptz[])
           AS p(id, investor_id, amount, shares, reward_id, payment_method, customer_ref, payment_method_ref,
                risk_acknowledged, cancellable_until)
       RETURNING ${PLEDGE_COLUMNS}`,
      [
        campaign.project_id,
        campaign.jurisdiction,
        campaign.kind,
        campaign.currency,
        now.toISOString(),
        column((p) => p.request.id),
        column((p) => p.request.investorId),
        column((p) => p.request.body.amount),
        column((p) => p.shares ?? null),
        column((p) => p.request.body.rewardId ?? null),
        column((p) => p.request.body.paymentMethod),
        column((p) => p.request.saved.customerRef),
        column((p) => p.request.saved.paymentMethodRef),
        column((p) => p.request.body.riskAcknowledged === true),
        column((p) => p.cancellableUntil?.toISOString() ?? null),
      ],
    )) as PledgeRow[];
  }

  /**
   * A key claimed here is stored with the pledge of the request that kept it, or given back
   * when no request with it got a pledge (a refusal leaves no trace, as if rolled back).
   */
  private async settleKeys(
    manager: EntityManager,
    requests: PledgeRequest[],
    state: LockedState,
    outcomes: PledgeOutcome[],
  ): Promise<void> {
    const kept = new Map<string, KeyClaim & { answer: PledgeDto }>();
    const claimed = new Map<string, KeyClaim>();
    requests.forEach(({ investorId, idempotency }, i) => {
      if (!idempotency) return;
      const keyId = idempotencyKeyId(investorId, idempotency.key);
      if (state.priorAnswers.has(keyId)) return;
      const claim = { investorId, ...idempotency };
      claimed.set(keyId, claim);
      const outcome = outcomes[i]!;
      // the first answer with a pledge is the one that kept the key; later ones are its replays
      if ('pledge' in outcome && !kept.has(keyId)) kept.set(keyId, { ...claim, answer: outcome.pledge });
    });
    await this.idempotencyKeys.storeAll(manager, [...kept.values()]);
    await this.idempotencyKeys.releaseAll(
      manager,
      [...claimed].filter(([keyId]) => !kept.has(keyId)).map(([, claim]) => claim),
    );
  }

  private async eligibilityOf(manager: EntityManager, investorIds: string[]): Promise<Map<string, EligibilityRow>> {
    const rows = (await manager.query(
      `SELECT user_id, kyc_status, accredited, trim(currency) AS currency, annual_income::text AS annual_income,
              net_worth::text AS net_worth, financial_assets::text AS financial_assets,
              average_annual_income_three_years::text AS average_annual_income_three_years,
              knowledge_test_passed_until, sophisticated
         FROM investor_eligibility WHERE user_id = ANY($1::uuid[])`,
      [investorIds],
    )) as (EligibilityRow & { user_id: string })[];
    return new Map(rows.map((row) => [row.user_id, row]));
  }
}

function claimsOf(requests: PledgeRequest[]): KeyClaim[] {
  return requests.flatMap(({ investorId, idempotency }) => (idempotency ? [{ investorId, ...idempotency }] : []));
}
