import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { idCursor, pageOf } from '@crowdlink/platform';
import { DataSource, EntityManager } from 'typeorm';
import { idempotencyKeyOf, PAYMENT_PROVIDER, PaymentProvider } from '../payments/payment-provider';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { CancelledPledgeDto, PledgeDto, PledgePageDto } from './dto/pledge.dto';
import { IdempotencyKeys, requestHash } from './idempotency-keys';
import {
  CancellationWindowClosedException,
  PledgeNotCancellableException,
  PaymentMethodDeclinedException,
  PledgeNotAwaitingPaymentException,
  PledgeNotFoundException,
} from './pledge.exceptions';
import { PledgeFiguresRow, PLEDGE_FIGURES_COLUMNS, PledgeCancellation } from './pledge-cancellation';
import { PLEDGE_COLUMNS, PledgeRow, toDto } from './pledge-rows';
import { PledgeBatcher } from './pledge-batcher';

/**
 * Takes pledges. Every rule that concurrency could break (the hard cap, the CN investor
 * count, the investor's 12-month limit) is decided under the campaign's and the investors'
 * row locks inside the one transaction that records the pledge and its events, never by a
 * read followed by a write.
 */
@Injectable()
export class PledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly idempotencyKeys: IdempotencyKeys,
    private readonly batcher: PledgeBatcher,
    @Inject(PAYMENT_PROVIDER) private readonly payments: PaymentProvider,
    private readonly cancellation: PledgeCancellation,
  ) {}

  /**
   * The pledge is committed with the other pledges into its campaign that arrive meanwhile,
   * in one transaction (PledgeBatcher, PledgeBatchCommit), and answered after that commit with
   * its own answer: its pledge, or its own refusal.
   *
   * With an Idempotency-Key, the key is claimed in that transaction: a second request with the
   * same key waits until the first commits (then it answers what the first answered) or is
   * refused (then it is decided afresh). So concurrent requests with one key make one pledge,
   * and only a committed pledge is replayed.
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
    const id = newId();
    const saved = await this.savePaymentMethod(id, investorId, body.paymentMethod, idempotencyKeyOf.setup(id));
    const idempotency =
      idempotencyKey === undefined ? undefined : { key: idempotencyKey, hash: requestHash(projectId, body) };
    return this.batcher.submit({ id, investorId, projectId, body, saved, idempotency });
  }

  /**
   * The investor gives a new payment method for a pledge whose charge was soft-declined
   * (PAYMENT_ACTION_REQUIRED, set by the settlement). The method is saved first, under
   * `setup:<pledgeId>:<paymentMethod>` (a retry of the same request is one SetupIntent), then
   * one conditional UPDATE stores it only if the pledge still awaits payment and no charge
   * attempt is undecided, and opens the next attempt, which the settlement sweep charges
   * (a new attempt while one is in flight could charge the investor twice).
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
                          charge_attempt = charge_attempt + 1, version = version + 1, updated_at = now()
        WHERE id = $1 AND investor_id = $2 AND status = 'PAYMENT_ACTION_REQUIRED'
          AND decided_attempt = charge_attempt
        RETURNING ${PLEDGE_COLUMNS}`,
      [id, investorId, paymentMethod, saved.customerRef, saved.paymentMethodRef],
    )) as [PledgeRow[], number];
    if (rows[0]) return toDto(rows[0]);
    // the settlement moved the pledge on meanwhile, or is still charging the last method given
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
      // the campaign row first, as every other writer of its pledges locks it (the amendment
      // handler, the reconfirmation sweep, admissions): taken after the pledge, it could deadlock
      await manager.query(
        `SELECT 1 FROM campaigns c JOIN pledges p USING (project_id) WHERE p.id = $1 FOR UPDATE OF c`,
        [id],
      );
      const [cancelled] = (await manager.query(
        `UPDATE pledges SET status = 'CANCELLED', version = version + 1, updated_at = now()
          WHERE id = $1 AND investor_id = $2 AND status = 'COMMITTED' AND cancellable_until > $3
          RETURNING ${PLEDGE_FIGURES_COLUMNS}`,
        [id, investorId, now.toISOString()],
      )) as [PledgeFiguresRow[], number];
      const pledge = cancelled[0];
      if (!pledge) return this.refuseCancellation(manager, investorId, id);
      await this.cancellation.release(manager, pledge, now);
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
      [investorId, idCursor(cursor), limit + 1],
    )) as PledgeRow[];
    const page = pageOf(rows, limit, (last) => last.id);
    return { ...page, items: page.items.map(toDto) };
  }
}
