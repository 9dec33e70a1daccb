import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  cancellationDeadline,
  investmentLimit,
  isQualifiedCnInvestor,
  Jurisdiction,
  maxInvestorsPerCampaign,
  policyOf,
  remainingLimit,
  requiresRiskAcknowledgement,
} from '@crowdlink/compliance';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, Money, newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { PledgeDto, PledgePageDto } from './dto/pledge.dto';
import {
  BelowMinPledgeException,
  CampaignFullException,
  CampaignNotOpenException,
  IdempotencyKeyReusedException,
  InvalidIdempotencyKeyException,
  InvestmentLimitExceededException,
  InvestorCountLimitException,
  KnowledgeTestRequiredException,
  KycRequiredException,
  NotAWholeNumberOfSharesException,
  NotQualifiedInvestorException,
  PledgeNotFoundException,
  RiskAcknowledgementRequiredException,
} from './pledge.exceptions';

/** Pledges that count against an investor's rolling 12-month limit. */
export const COUNTED_PLEDGE_STATUSES = ['COMMITTED', 'CHARGED', 'PAYMENT_ACTION_REQUIRED'];
/** api.md: keys are kept at least 24 hours; the sweep leaves a day's margin. */
const IDEMPOTENCY_KEY_RETENTION_MS = 48 * 3600 * 1000;
const IDEMPOTENCY_SWEEP_EVERY_MS = 3600 * 1000;

interface CampaignRow {
  project_id: string;
  owner_id: string | null;
  status: string;
  kind: 'EQUITY' | 'REWARD' | 'DONATION';
  jurisdiction: Jurisdiction;
  currency: string;
  max_amount: string;
  min_pledge: string;
  opens_at: Date;
  closes_at: Date;
  price_per_share: string | null;
}

interface EligibilityRow {
  kyc_status: string;
  accredited: boolean;
  currency: string | null;
  annual_income: string | null;
  net_worth: string | null;
  financial_assets: string | null;
  average_annual_income_three_years: string | null;
  knowledge_test_passed_until: Date | null;
  sophisticated: boolean;
}

interface PledgeRow {
  id: string;
  project_id: string;
  investor_id: string;
  status: string;
  amount: string;
  currency: string;
  shares: string | null;
  reward_id: string | null;
  payment_method: string;
  cancellable_until: Date | null;
  committed_at: Date;
}

const PLEDGE_COLUMNS = `id, project_id, investor_id, status, amount::text AS amount, currency, shares::text AS shares,
  reward_id, payment_method, cancellable_until, committed_at`;

/**
 * Takes pledges. Every rule that concurrency could break (the hard cap, the CN investor
 * count, the investor's 12-month limit) is decided by the database inside the one
 * transaction that records the pledge and its events, never by a read followed by a write.
 */
@Injectable()
export class PledgesService implements OnModuleInit, OnModuleDestroy {
  private sweep?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweep = setInterval(() => void this.sweepIdempotencyKeys().catch(() => undefined), IDEMPOTENCY_SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  async sweepIdempotencyKeys(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < $1`, [before.toISOString()]);
  }

  /**
   * With an Idempotency-Key, the key is claimed in the pledge's own transaction: a second
   * request with the same key blocks on the primary key until the first commits (then it
   * answers what the first answered) or rolls back (then it is decided afresh). So two
   * concurrent requests with one key make one pledge. Refusals roll back with the key, so
   * only a committed pledge is replayed.
   */
  async commit(
    investorId: string,
    projectId: string,
    body: CreatePledgeDto,
    idempotencyKey?: string,
  ): Promise<PledgeDto> {
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 255)) {
      throw new InvalidIdempotencyKeyException();
    }
    const hash = requestHash(projectId, body);
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey !== undefined) {
        const claimed = (await manager.query(
          `INSERT INTO idempotency_keys (investor_id, key, request_hash, response_status, response_body)
           VALUES ($1, $2, $3, 0, 'null') ON CONFLICT (investor_id, key) DO NOTHING RETURNING key`,
          [investorId, idempotencyKey, hash],
        )) as unknown[];
        if (claimed.length === 0) {
          const [prior] = (await manager.query(
            `SELECT request_hash, response_body FROM idempotency_keys WHERE investor_id = $1 AND key = $2`,
            [investorId, idempotencyKey],
          )) as { request_hash: string; response_body: PledgeDto }[];
          if (!prior || prior.request_hash !== hash) throw new IdempotencyKeyReusedException();
          return prior.response_body;
        }
      }
      const pledge = await this.commitIn(manager, investorId, projectId, body);
      if (idempotencyKey !== undefined) {
        await manager.query(
          `UPDATE idempotency_keys SET response_status = 201, response_body = $3 WHERE investor_id = $1 AND key = $2`,
          [investorId, idempotencyKey, JSON.stringify(pledge)],
        );
      }
      return pledge;
    });
  }

  private async commitIn(
    manager: EntityManager,
    investorId: string,
    projectId: string,
    body: CreatePledgeDto,
  ): Promise<PledgeDto> {
    const now = this.clock.now();
    const campaign = await this.campaignOf(manager, projectId);
    if (!campaign || !isOpen(campaign, now)) throw new CampaignNotOpenException(projectId);
    const { jurisdiction, kind, currency } = campaign;
    const amount = Money.of(body.amount, currency);

    if (body.amount < Number(campaign.min_pledge)) throw new BelowMinPledgeException(Number(campaign.min_pledge));
    let shares: number | undefined;
    if (kind === 'EQUITY' && campaign.price_per_share !== null) {
      const price = Number(campaign.price_per_share);
      if (body.amount % price !== 0) throw new NotAWholeNumberOfSharesException(price);
      shares = body.amount / price;
    }

    const eligibility = await this.eligibilityOf(manager, investorId);
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

    const progress = await this.countIntoCampaign(manager, campaign, investorId, body.amount, now);
    if (jurisdiction === 'US' && currency === policyOf('US').currency) {
      await this.countIntoInvestorLimit(manager, investorId, eligibility, amount, now);
    }

    const id = newId();
    const cancellableUntil = cancellationDeadline(jurisdiction, {
      pledgedAt: now,
      closesAt: campaign.closes_at,
      sophisticated,
    });
    const [row] = (await manager.query(
      `INSERT INTO pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount, shares,
                            reward_id, payment_method, risk_acknowledged, cancellable_until, committed_at)
       VALUES ($1, $2, $3, 'COMMITTED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING ${PLEDGE_COLUMNS}`,
      [
        id,
        projectId,
        investorId,
        jurisdiction,
        kind,
        currency,
        body.amount,
        shares ?? null,
        body.rewardId ?? null,
        body.paymentMethod,
        body.riskAcknowledged === true,
        cancellableUntil?.toISOString() ?? null,
        now.toISOString(),
      ],
    )) as PledgeRow[];

    await this.outbox.publish(manager, 'pledge.committed', {
      aggregateId: id,
      aggregateVersion: 1,
      payload: {
        pledgeId: id,
        projectId,
        investorId,
        jurisdiction,
        currency,
        amount: body.amount,
        committedAt: now.toISOString(),
        cancellableUntil: cancellableUntil?.toISOString() ?? null,
      },
    });
    await this.outbox.publish(manager, 'campaign.progress', {
      aggregateId: projectId,
      aggregateVersion: progress.progress_version,
      payload: {
        projectId,
        currency,
        raised: Number(progress.committed_amount),
        pledgeCount: progress.pledge_count,
      },
    });
    return toDto(row);
  }

  /**
   * The hard cap and the CN investor count, in one conditional UPDATE of the campaign row.
   * Why not read, check, then write: two transactions could both read room for one more and
   * both write. The UPDATE's WHERE is evaluated on the row while holding its lock (a
   * concurrent writer's new version is re-checked once it commits), and the lock is held only
   * until this transaction ends, so pledges into one campaign queue on this row for a few
   * milliseconds and never pass the cap between them. A distinct investor is counted only if
   * campaign_investors took a new row: a second pledge of the same investor (even concurrent,
   * which waits on the primary key) does not count again.
   */
  private async countIntoCampaign(
    manager: EntityManager,
    campaign: CampaignRow,
    investorId: string,
    amount: number,
    now: Date,
  ): Promise<{ committed_amount: string; pledge_count: number; progress_version: number }> {
    const maxInvestors = maxInvestorsPerCampaign(campaign.jurisdiction, campaign.kind, now);
    const firstPledge = (await manager.query(
      `INSERT INTO campaign_investors (project_id, investor_id, first_pledged_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING investor_id`,
      [campaign.project_id, investorId, now.toISOString()],
    )) as unknown[];
    const newInvestor = firstPledge.length === 1 ? 1 : 0;
    const [updated] = (await manager.query(
      `UPDATE campaigns
          SET committed_amount = committed_amount + $2, pledge_count = pledge_count + 1,
              investor_count = investor_count + $3, max_investors = $4::int,
              progress_version = progress_version + 1
        WHERE project_id = $1 AND status = 'LIVE' AND opens_at <= $5 AND closes_at > $5
          AND committed_amount + $2 <= max_amount
          AND ($3 = 0 OR $4::int IS NULL OR investor_count < $4::int)
        RETURNING committed_amount::text AS committed_amount, pledge_count, progress_version`,
      [campaign.project_id, amount, newInvestor, maxInvestors, now.toISOString()],
    )) as [{ committed_amount: string; pledge_count: number; progress_version: number }[], number];
    if (updated.length === 1) return updated[0];

    // Refused: say why, from the row as it is now (the refusal itself was atomic).
    const [current] = (await manager.query(
      `SELECT status, opens_at, closes_at, max_amount::text AS max_amount, committed_amount::text AS committed_amount,
              investor_count FROM campaigns WHERE project_id = $1`,
      [campaign.project_id],
    )) as (CampaignRow & { committed_amount: string; investor_count: number })[];
    if (!current || !isOpen(current, now)) throw new CampaignNotOpenException(campaign.project_id);
    const room = Number(current.max_amount) - Number(current.committed_amount);
    if (amount > room) throw new CampaignFullException(Math.max(room, 0));
    throw new InvestorCountLimitException(maxInvestors ?? current.investor_count);
  }

  /**
   * 17 CFR 227.100(a)(2): the investor's Reg CF pledges over the rolling 12 months. A running
   * counter cannot age out old pledges, so the usage row is the investor's lock: taking it
   * first queues this investor's concurrent pledges, and the window's sum is read after it
   * (a fresh READ COMMITTED snapshot that sees every pledge committed before the lock was
   * granted). The conditional UPDATE then writes the new usage only if it stays within the
   * limit, and the row's CHECK refuses anything above it.
   */
  private async countIntoInvestorLimit(
    manager: EntityManager,
    investorId: string,
    eligibility: EligibilityRow | undefined,
    amount: Money,
    now: Date,
  ): Promise<void> {
    const finances = {
      annualIncome: figure(eligibility, 'annual_income', 'US'),
      netWorth: figure(eligibility, 'net_worth', 'US'),
      accredited: eligibility?.accredited ?? false,
    };
    const limit = investmentLimit('US', finances, now);
    if (limit === null) return;
    await manager.query(
      `INSERT INTO investor_usage (investor_id, jurisdiction, currency) VALUES ($1, 'US', $2) ON CONFLICT DO NOTHING`,
      [investorId, limit.currency],
    );
    await manager.query(`SELECT 1 FROM investor_usage WHERE investor_id = $1 AND jurisdiction = 'US' FOR UPDATE`, [
      investorId,
    ]);
    const since = new Date(now.getTime());
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    const [{ used }] = (await manager.query(
      `SELECT coalesce(sum(amount), 0)::text AS used FROM pledges
        WHERE investor_id = $1 AND jurisdiction = 'US' AND status = ANY($2) AND committed_at > $3`,
      [investorId, COUNTED_PLEDGE_STATUSES, since.toISOString()],
    )) as { used: string }[];
    const [updated] = (await manager.query(
      `UPDATE investor_usage
          SET used_last_12_months = $2::bigint + $3::bigint, limit_amount = $4::bigint, version = version + 1,
              updated_at = now()
        WHERE investor_id = $1 AND jurisdiction = 'US' AND $2::bigint + $3::bigint <= $4::bigint
        RETURNING version`,
      [investorId, used, amount.minor.toString(), limit.minor.toString()],
    )) as [unknown[], number];
    if (updated.length === 0) {
      const remaining = remainingLimit(limit, Money.of(used, limit.currency)) ?? limit;
      throw new InvestmentLimitExceededException(Number(remaining.minor));
    }
  }

  /** The investor's own pledge, or any pledge for an admin, or one of the owner's project. */
  async get(user: AuthenticatedUser, id: string): Promise<PledgeDto> {
    const [row] = (await this.dataSource.query(
      `SELECT ${PLEDGE_COLUMNS}, owner_id
         FROM (SELECT p.*, c.snapshot->>'ownerId' AS owner_id
                 FROM pledges p JOIN campaigns c USING (project_id) WHERE p.id = $1) AS pledge`,
      [id],
    )) as (PledgeRow & { owner_id: string | null })[];
    const visible =
      row &&
      (user.role === 'admin' || row.investor_id === user.id || (user.role === 'founder' && row.owner_id === user.id));
    if (!visible) throw new PledgeNotFoundException(id);
    return toDto(row);
  }

  async listMine(investorId: string, limit: number, cursor?: string): Promise<PledgePageDto> {
    const rows = (await this.dataSource.query(
      `SELECT ${PLEDGE_COLUMNS} FROM pledges
        WHERE investor_id = $1 AND ($2::uuid IS NULL OR id < $2::uuid)
        ORDER BY id DESC LIMIT $3`,
      [investorId, cursor && isUuidLike(cursor) ? cursor : null, limit + 1],
    )) as PledgeRow[];
    const page = rows.slice(0, limit);
    return { items: page.map(toDto), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  private async campaignOf(manager: EntityManager, projectId: string): Promise<CampaignRow | undefined> {
    const [row] = (await manager.query(
      `SELECT project_id, status, kind, jurisdiction, trim(currency) AS currency, max_amount::text AS max_amount,
              min_pledge::text AS min_pledge, opens_at, closes_at, price_per_share::text AS price_per_share
         FROM campaigns WHERE project_id = $1`,
      [projectId],
    )) as CampaignRow[];
    return row;
  }

  private async eligibilityOf(manager: EntityManager, investorId: string): Promise<EligibilityRow | undefined> {
    const [row] = (await manager.query(
      `SELECT kyc_status, accredited, trim(currency) AS currency, annual_income::text AS annual_income,
              net_worth::text AS net_worth, financial_assets::text AS financial_assets,
              average_annual_income_three_years::text AS average_annual_income_three_years,
              knowledge_test_passed_until, sophisticated
         FROM investor_eligibility WHERE user_id = $1`,
      [investorId],
    )) as EligibilityRow[];
    return row;
  }
}

function isOpen(campaign: Pick<CampaignRow, 'status' | 'opens_at' | 'closes_at'>, now: Date): boolean {
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
function figure(
  eligibility: EligibilityRow | undefined,
  field: 'annual_income' | 'net_worth' | 'financial_assets' | 'average_annual_income_three_years',
  jurisdiction: Jurisdiction,
): Money {
  const currency = policyOf(jurisdiction).currency;
  const value = eligibility?.currency === currency ? eligibility[field] : null;
  return Money.of(value ?? 0, currency);
}

function requestHash(projectId: string, body: CreatePledgeDto): string {
  const canonical = JSON.stringify([
    projectId,
    body.amount,
    body.rewardId ?? null,
    body.paymentMethod,
    body.riskAcknowledged ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function isUuidLike(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function toDto(row: PledgeRow): PledgeDto {
  return {
    id: row.id,
    projectId: row.project_id,
    investorId: row.investor_id,
    status: row.status,
    amount: Number(row.amount),
    currency: row.currency.trim(),
    ...(row.shares !== null ? { shares: Number(row.shares) } : {}),
    ...(row.reward_id !== null ? { rewardId: row.reward_id } : {}),
    paymentMethod: row.payment_method,
    cancellableUntil: row.cancellable_until?.toISOString() ?? null,
    committedAt: row.committed_at.toISOString(),
  };
}
