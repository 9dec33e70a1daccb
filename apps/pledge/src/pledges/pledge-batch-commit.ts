import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maxInvestorsPerCampaign } from '@crowdlink/compliance';
import { Clock, CLOCK, DomainException } from '@crowdlink/domain';
import { OutboxPublisher, TypedNewEvent } from '@crowdlink/messaging';
import {
  pipelined,
  runThenCommit,
  selfCommittingTransaction,
  SqlParams,
  StatementPart,
  withParts,
} from '@crowdlink/platform';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Admitted, CampaignAdmission, CampaignProgress, progressAfter, progressEvent } from './campaign-admission';
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
import { EligibilityRow, PledgeRow, toDto } from './pledge-rows';

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
    // Read on another pooled connection while the transaction begins (it takes no lock): one round
    // trip less per batch. It asks the pool first, and the pool serves in order, so it never waits
    // for a connection behind its own transaction. Awaited after the campaign's lock; a
    // transaction that fails before that leaves it to settle unobserved.
    const eligibility = this.eligibilityOf(this.dataSource.manager, investorIds);
    eligibility.catch(() => undefined);
    return selfCommittingTransaction(this.dataSource, async (runner) => {
      const now = this.clock.now();
      const state = await this.lockAndRead(runner.manager, requests, investorIds, eligibility, now);
      const decided = decideInOrder(requests, state, now);
      const accepted = decided.decisions.flatMap((decision, i) =>
        decision.kind === 'accept' ? [{ ...decision, request: requests[i]! }] : [],
      );
      const campaign = state.campaign;
      const pledges = new Map(
        campaign ? accepted.map((pledge) => [pledge.request.id, toDto(committedRow(campaign, pledge, now))]) : [],
      );
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
      await this.writeAndCommit(runner, requests, state, decided, accepted, outcomes, now);
      return outcomes;
    });
  }

  /**
   * Locks in this order: Idempotency-Keys, the campaign row, the investors' usage rows; the
   * campaign's own rows are read in the statement that takes the usage locks, the usage sums in
   * the one after. Two round trips: each pair of statements is sent back to back (pipelined).
   */
  private async lockAndRead(
    manager: EntityManager,
    requests: PledgeRequest[],
    investorIds: string[],
    eligibilityRead: Promise<Map<string, EligibilityRow>>,
    now: Date,
  ): Promise<LockedState> {
    const projectId = requests[0]!.projectId;
    const [priorAnswers, campaign] = await pipelined(
      this.idempotencyKeys.claimAll(manager, claimsOf(requests)),
      this.admission.lock(manager, projectId),
    );
    const eligibility = await eligibilityRead;
    if (!campaign) {
      return {
        campaign,
        maxInvestors: null,
        eligibility,
        usage: new Map(),
        counted: new Set(),
        rewardsTaken: new Map(),
        priorAnswers,
      };
    }
    const limits = this.investorLimit.limitsIn(campaign, eligibility, investorIds, now);
    const params = new SqlParams();
    const [{ counted, rewardsTaken }, usage] = await pipelined(
      this.admission.readUnderLock(
        manager,
        params,
        optional(this.investorLimit.lockPart(params, limits)),
        projectId,
        investorIds,
        requests.some((request) => request.body.rewardId !== undefined),
      ),
      this.investorLimit.usageOf(manager, limits, now),
    );
    return {
      campaign,
      maxInvestors: maxInvestorsPerCampaign(campaign.jurisdiction, campaign.kind, now),
      eligibility,
      usage,
      counted,
      rewardsTaken,
      priorAnswers,
    };
  }

  /**
   * Everything the batch writes, in ONE statement (data-modifying CTEs, each written by the
   * module that owns its table): the accepted pledges, the campaign's counters and new
   * investors, the investors' usage, the events, and the settled Idempotency-Keys; sent with
   * the COMMIT right behind it. Each round trip here is one more the campaign's lock is held,
   * and every pledge into the campaign waits for it.
   */
  private async writeAndCommit(
    runner: QueryRunner,
    requests: PledgeRequest[],
    state: LockedState,
    decided: BatchDecisions,
    accepted: Accepted[],
    outcomes: PledgeOutcome[],
    now: Date,
  ): Promise<void> {
    const params = new SqlParams();
    const { campaign } = state;
    const admitted: Admitted | undefined =
      campaign && accepted.length > 0
        ? {
            raised: decided.raised,
            pledges: accepted.length,
            newInvestors: decided.newInvestors,
            maxInvestors: state.maxInvestors,
          }
        : undefined;
    const progress = campaign && admitted && progressAfter(campaign, admitted);
    const parts: StatementPart[] = [
      ...(campaign && admitted && progress
        ? [
            this.pledgesPart(params, campaign, accepted, now),
            ...this.admission.admitParts(params, campaign, admitted, now),
            ...optional(this.investorLimit.recordPart(params, decided.usage)),
            this.eventsPart(runner.manager, params, campaign, accepted, progress, now),
          ]
        : []),
      ...this.keysParts(params, requests, state, outcomes),
    ];
    if (parts.length === 0) return runner.commitTransaction();
    const final = campaign && progress ? this.admission.admittedCheck(params, campaign, progress) : 'SELECT 1';
    await runThenCommit(runner, withParts(parts, final), params.values);
  }

  private pledgesPart(params: SqlParams, campaign: LockedCampaign, accepted: Accepted[], now: Date): StatementPart {
    return [
      'new_pledges',
      `INSERT INTO pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount, shares,
                            reward_id, payment_method, customer_ref, payment_method_ref, risk_acknowledged,
                            cancellable_until, committed_at)
       SELECT p.id, ${params.add(campaign.project_id, 'uuid')}, p.investor_id, 'COMMITTED',
              ${params.add(campaign.jurisdiction)}, ${params.add(campaign.kind)}, ${params.add(campaign.currency)},
              p.amount, p.shares, p.reward_id, p.payment_method, p.customer_ref, p.payment_method_ref,
              p.risk_acknowledged, p.cancellable_until, ${params.add(now.toISOString(), 'timestamptz')}
         FROM ${params.unnest(accepted, 'p', {
           id: [(p) => p.request.id, 'uuid[]'],
           investor_id: [(p) => p.request.investorId, 'uuid[]'],
           amount: [(p) => p.request.body.amount, 'bigint[]'],
           shares: [(p) => p.shares ?? null, 'bigint[]'],
           reward_id: [(p) => p.request.body.rewardId ?? null, 'uuid[]'],
           payment_method: [(p) => p.request.body.paymentMethod, 'text[]'],
           customer_ref: [(p) => p.request.saved.customerRef, 'text[]'],
           payment_method_ref: [(p) => p.request.saved.paymentMethodRef, 'text[]'],
           risk_acknowledged: [(p) => p.request.body.riskAcknowledged === true, 'boolean[]'],
           cancellable_until: [(p) => p.cancellableUntil?.toISOString() ?? null, 'timestamptz[]'],
         })}`,
    ];
  }

  /** The pledges' events and the campaign's one progress event. */
  private eventsPart(
    manager: EntityManager,
    params: SqlParams,
    campaign: LockedCampaign,
    accepted: Accepted[],
    progress: CampaignProgress,
    now: Date,
  ): StatementPart {
    const events = [
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
    ];
    return ['new_events', this.outbox.insertOf(manager, params, events).sql];
  }

  /**
   * A key claimed here is stored with the pledge of the request that kept it, or given back
   * when no request with it got a pledge (a refusal leaves no trace, as if rolled back).
   */
  private keysParts(
    params: SqlParams,
    requests: PledgeRequest[],
    state: LockedState,
    outcomes: PledgeOutcome[],
  ): StatementPart[] {
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
    return this.idempotencyKeys.settleParts(
      params,
      [...kept.values()],
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

/** The row an accepted pledge is inserted as: its answer is the same as a read of it afterwards. */
function committedRow(campaign: LockedCampaign, { request, shares, cancellableUntil }: Accepted, now: Date): PledgeRow {
  return {
    id: request.id,
    project_id: campaign.project_id,
    investor_id: request.investorId,
    status: 'COMMITTED',
    amount: String(request.body.amount),
    currency: campaign.currency,
    shares: shares === undefined ? null : String(shares),
    reward_id: request.body.rewardId ?? null,
    payment_method: request.body.paymentMethod,
    cancellable_until: cancellableUntil,
    committed_at: now,
    reconfirm_by: null,
  };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function claimsOf(requests: PledgeRequest[]): KeyClaim[] {
  return requests.flatMap(({ investorId, idempotency }) => (idempotency ? [{ investorId, ...idempotency }] : []));
}
