import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cancellationDeadline, policyOf } from '@crowdlink/compliance';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, Money, newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { idempotencyKeyOf, PAYMENT_PROVIDER, PaymentProvider } from '../payments/payment-provider';
import { CampaignAdmission } from './campaign-admission';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { CancelledPledgeDto, PledgeDto, PledgePageDto } from './dto/pledge.dto';
import { IdempotencyKeys, requestHash } from './idempotency-keys';
import { InvestorLimitGuard } from './investor-limit.guard';
import {
  CampaignNotOpenException,
  CancellationWindowClosedException,
  PledgeNotCancellableException,
  PaymentMethodDeclinedException,
  PledgeNotAwaitingPaymentException,
  PledgeNotFoundException,
} from './pledge.exceptions';
import { CampaignRow, EligibilityRow, PLEDGE_COLUMNS, PledgeRow, toDto } from './pledge-rows';
import { checkAdmission, isOpen } from './pledge-rules';

/**
 * Takes pledges. Every rule that concurrency could break (the hard cap, the CN investor
 * count, the investor's 12-month limit) is decided by the database inside the one
 * transaction that records the pledge and its events, never by a read followed by a write.
 */
@Injectable()
export class PledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly admission: CampaignAdmission,
    private readonly investorLimit: InvestorLimitGuard,
    @Inject(PAYMENT_PROVIDER) private readonly payments: PaymentProvider,
  ) {}

  /**
   * With an Idempotency-Key, the key is claimed in the pledge's own transaction: a second
   * request with the same key blocks on the primary key until the first commits (then it
   * answers what the first answered) or rolls back (then it is decided afresh). So two
   * concurrent requests with one key make one pledge. Refusals roll back with the key, so
   * only a committed pledge is replayed.
   *
   * The payment method is saved with the provider first, outside the transaction (no network
   * call holds the campaign's counter row), under `setup:<pledgeId>`; a method the provider
   * refuses is a 402 PAYMENT_METHOD_DECLINED and nothing is written. A method saved for a
   * pledge that is then refused (or replayed) stays unused at the provider.
   */
  async commit(
    investorId: string,
    projectId: string,
    body: CreatePledgeDto,
    idempotencyKey?: string,
  ): Promise<PledgeDto> {
    this.idempotencyKeys.validate(idempotencyKey);
    const hash = requestHash(projectId, body);
    const id = newId();
    const saved = await this.savePaymentMethod(id, investorId, body.paymentMethod, idempotencyKeyOf.setup(id));
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey !== undefined) {
        const prior = await this.idempotencyKeys.claim(manager, investorId, idempotencyKey, hash);
        if (prior !== undefined) return prior;
      }
      const pledge = await this.commitIn(manager, { id, investorId, projectId, body, saved });
      if (idempotencyKey !== undefined) await this.idempotencyKeys.store(manager, investorId, idempotencyKey, pledge);
      return pledge;
    });
  }

  private async commitIn(manager: EntityManager, pledge: NewPledge): Promise<PledgeDto> {
    const { id, investorId, projectId, body, saved } = pledge;
    const now = this.clock.now();
    const campaign = await this.campaignOf(manager, projectId);
    if (!campaign || !isOpen(campaign, now)) throw new CampaignNotOpenException(projectId);
    const { jurisdiction, kind, currency } = campaign;
    const eligibility = await this.eligibilityOf(manager, investorId);
    const { shares, sophisticated } = checkAdmission(campaign, eligibility, body, now);

    const progress = await this.admission.admit(manager, campaign, investorId, body.amount, now);
    if (jurisdiction === 'US' && currency === policyOf('US').currency) {
      await this.investorLimit.countIn(manager, investorId, eligibility, Money.of(body.amount, currency), now);
    }

    const cancellableUntil = cancellationDeadline(jurisdiction, {
      pledgedAt: now,
      closesAt: campaign.closes_at,
      sophisticated,
    });
    const [row] = (await manager.query(
      `INSERT INTO pledges (id, project_id, investor_id, status, jurisdiction, kind, currency, amount, shares,
                            reward_id, payment_method, customer_ref, payment_method_ref, risk_acknowledged,
                            cancellable_until, committed_at)
       VALUES ($1, $2, $3, 'COMMITTED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
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
        saved.customerRef,
        saved.paymentMethodRef,
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
   * The investor gives a new payment method for a pledge whose charge was soft-declined
   * (PAYMENT_ACTION_REQUIRED, set by the settlement). The method is saved first, under
   * `setup:<pledgeId>:<paymentMethod>` (a retry of the same request is one SetupIntent), then
   * one conditional UPDATE stores it only if the pledge still awaits payment.
   */
  async replacePaymentMethod(investorId: string, id: string, paymentMethod: string): Promise<PledgeDto> {
    await this.awaitingPayment(investorId, id);
    const saved = await this.savePaymentMethod(
      id,
      investorId,
      paymentMethod,
      idempotencyKeyOf.replaceSetup(id, paymentMethod),
    );
    const [rows] = (await this.dataSource.query(
      `UPDATE pledges SET payment_method = $3, customer_ref = $4, payment_method_ref = $5,
                          version = version + 1, updated_at = now()
        WHERE id = $1 AND investor_id = $2 AND status = 'PAYMENT_ACTION_REQUIRED'
        RETURNING ${PLEDGE_COLUMNS}`,
      [id, investorId, paymentMethod, saved.customerRef, saved.paymentMethodRef],
    )) as [PledgeRow[], number];
    if (rows[0]) return toDto(rows[0]);
    // the settlement moved the pledge on meanwhile (it never returns to PAYMENT_ACTION_REQUIRED)
    await this.awaitingPayment(investorId, id);
    throw new PledgeNotAwaitingPaymentException(id, 'PAYMENT_ACTION_REQUIRED');
  }

  /** 404 unless it is the investor's pledge, 409 unless it awaits a new payment method. */
  private async awaitingPayment(investorId: string, id: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT investor_id, status FROM pledges WHERE id = $1`, [id])) as Pick<
      PledgeRow,
      'investor_id' | 'status'
    >[];
    if (!row || row.investor_id !== investorId) throw new PledgeNotFoundException(id);
    if (row.status !== 'PAYMENT_ACTION_REQUIRED') throw new PledgeNotAwaitingPaymentException(id, row.status);
  }

  private async savePaymentMethod(
    pledgeId: string,
    investorId: string,
    paymentMethod: string,
    idempotencyKey: string,
  ): Promise<{ customerRef: string; paymentMethodRef: string }> {
    const result = await this.payments.savePaymentMethod({ pledgeId, investorId, paymentMethod, idempotencyKey });
    if (result.outcome === 'declined') throw new PaymentMethodDeclinedException(result.declineCode);
    return result;
  }

  /**
   * The investor cancels their COMMITTED pledge before its stored cancellable_until (decided
   * at pledge time with @crowdlink/compliance cancellationDeadline; null: no right to cancel).
   * One conditional UPDATE of the pledge decides it: concurrent cancellations queue on the
   * pledge row and only the first finds it COMMITTED, so the campaign and the investor's usage
   * are given back once, in the same transaction as the events.
   */
  async cancel(investorId: string, id: string): Promise<CancelledPledgeDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [cancelled] = (await manager.query(
        `UPDATE pledges SET status = 'CANCELLED', version = version + 1, updated_at = now()
          WHERE id = $1 AND investor_id = $2 AND status = 'COMMITTED' AND cancellable_until > $3
          RETURNING id, project_id, jurisdiction, trim(currency) AS currency, amount::text AS amount, version`,
        [id, investorId, now.toISOString()],
      )) as [
        { id: string; project_id: string; jurisdiction: string; currency: string; amount: string; version: number }[],
        number,
      ];
      const pledge = cancelled[0];
      if (!pledge) return this.refuseCancellation(manager, investorId, id);

      const amount = Number(pledge.amount);
      const progress = await this.admission.release(manager, pledge.project_id, investorId, amount);
      if (pledge.jurisdiction === 'US') await this.investorLimit.recount(manager, investorId, now);

      await this.outbox.publish(manager, 'pledge.cancelled', {
        aggregateId: pledge.id,
        aggregateVersion: pledge.version,
        payload: {
          pledgeId: pledge.id,
          projectId: pledge.project_id,
          investorId,
          jurisdiction: pledge.jurisdiction as 'US' | 'EU' | 'CN',
          currency: pledge.currency,
          amount,
          cancelledAt: now.toISOString(),
        },
      });
      await this.outbox.publish(manager, 'campaign.progress', {
        aggregateId: pledge.project_id,
        aggregateVersion: progress.progress_version,
        payload: {
          projectId: pledge.project_id,
          currency: progress.currency,
          raised: Number(progress.committed_amount),
          pledgeCount: progress.pledge_count,
        },
      });
      return { id: pledge.id, status: 'CANCELLED' };
    });
  }

  /** The cancellation's UPDATE found nothing to do: say why, from the pledge as it is now. */
  private async refuseCancellation(manager: EntityManager, investorId: string, id: string): Promise<never> {
    const [row] = (await manager.query(`SELECT investor_id, status, cancellable_until FROM pledges WHERE id = $1`, [
      id,
    ])) as Pick<PledgeRow, 'investor_id' | 'status' | 'cancellable_until'>[];
    if (!row || row.investor_id !== investorId) throw new PledgeNotFoundException(id);
    if (row.status !== 'COMMITTED') throw new PledgeNotCancellableException(id, row.status);
    throw new CancellationWindowClosedException(row.cancellable_until?.toISOString() ?? null);
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

interface NewPledge {
  id: string;
  investorId: string;
  projectId: string;
  body: CreatePledgeDto;
  saved: { customerRef: string; paymentMethodRef: string };
}

function isUuidLike(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
