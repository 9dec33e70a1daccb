import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cancellationOutlastsClose, JURISDICTIONS } from '@crowdlink/compliance';
import { Clock, CLOCK } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  ChargeRequest,
  ChargeResult,
  idempotencyKeyOf,
  PAYMENT_PROVIDER,
  PaymentProvider,
} from '../payments/payment-provider';
import { decideCharge } from './charge-decision';
import { ChargeJobData } from './jobs/settlement-jobs.constants';
import { SettlementQueues } from './jobs/settlement.queues';
import { OrphanCharges } from './orphan-charges';
import { PledgeTransitions } from './pledge-transitions';
import { COLLECTING_STATUSES, SETTLING_PLEDGE_COLUMNS, SettlingPledgeRow } from './settling-pledge';

/** The provider did not answer; the job is retried with the same key. */
export class ChargeNotAnsweredError extends Error {
  constructor(pledgeId: string) {
    super(`The payment provider did not answer the charge of pledge ${pledgeId}; retrying with the same key`);
  }
}

/**
 * Charges the pledges of settling campaigns, one attempt at a time. The provider is called
 * outside any transaction (no network call holds a row lock) with the attempt's deterministic
 * key, then its answer is applied in ONE transaction (status, journal, event) only if the
 * attempt is still undecided. A crash between the two is harmless: the retry gets the
 * provider's first answer for the same key and applies it then, or gives the money back if
 * the investor cancelled meanwhile.
 */
@Injectable()
export class ChargeCollector {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PAYMENT_PROVIDER) private readonly payments: PaymentProvider,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly transitions: PledgeTransitions,
    private readonly orphans: OrphanCharges,
    private readonly queues: SettlementQueues,
  ) {}

  /**
   * Queues every undecided attempt of a settling campaign whose outcome is still open, except
   * a pledge its investor may still cancel after the close (the EU reflection period): it is
   * queued by the sweep run after its deadline, and until then the campaign's outcome waits.
   */
  async queueUndecided(projectId: string): Promise<void> {
    const attempts = (await this.dataSource.query(
      `SELECT p.id AS "pledgeId", p.charge_attempt AS attempt
         FROM pledges p JOIN campaigns c USING (project_id) JOIN settlements s USING (project_id)
        WHERE p.project_id = $1 AND c.status = 'SETTLING' AND s.outcome IS NULL
          AND p.status = ANY($2) AND p.decided_attempt IS DISTINCT FROM p.charge_attempt
          AND (p.jurisdiction <> ALL($3) OR p.cancellable_until IS NULL OR p.cancellable_until <= $4)`,
      [projectId, COLLECTING_STATUSES, JURISDICTIONS.filter(cancellationOutlastsClose), this.clock.now().toISOString()],
    )) as { pledgeId: string; attempt: number }[];
    await this.queues.charge(attempts.map((attempt) => ({ projectId, ...attempt })));
  }

  /**
   * Only an undecided attempt of a campaign still collecting is charged: never one bound to
   * fail. The attempt is marked as sent to the provider before the call (see
   * refundCancelledInFlight for why).
   */
  async collect({ pledgeId, attempt }: ChargeJobData): Promise<void> {
    const [[pledge]] = (await this.dataSource.query(
      `UPDATE pledges SET requested_attempt = $2, updated_at = now()
        WHERE id = $1 AND charge_attempt = $2 AND decided_attempt IS DISTINCT FROM $2 AND status = ANY($3)
          AND EXISTS (SELECT 1 FROM campaigns c JOIN settlements s USING (project_id)
                       WHERE c.project_id = pledges.project_id AND c.status = 'SETTLING' AND s.outcome IS NULL)
        RETURNING ${SETTLING_PLEDGE_COLUMNS}`,
      [pledgeId, attempt, COLLECTING_STATUSES],
    )) as [SettlingPledgeRow[], number];
    if (!pledge) {
      await this.refundCancelledInFlight(pledgeId, attempt);
      return;
    }
    const result = await this.payments.charge(chargeRequestOf(pledge, attempt));
    if (result.outcome === 'network_error') throw new ChargeNotAnsweredError(pledgeId);

    const decision = await this.dataSource.transaction(async (manager) => {
      const undecided = await this.transitions.lockUndecided(manager, pledgeId, attempt);
      if (!undecided) return { applied: false, fixBy: undefined };
      return { applied: true, fixBy: await this.apply(manager, undecided, result, this.clock.now()) };
    });
    if (decision.fixBy) await this.queues.endFixWindowAt({ projectId: pledge.project_id, pledgeId }, decision.fixBy);
    if (!decision.applied && result.outcome === 'succeeded') await this.refundIfOrphaned(pledgeId, result.chargeRef!);
  }

  /** Answers the fix window's end when the pledge now awaits a new payment method. */
  private async apply(
    manager: EntityManager,
    pledge: SettlingPledgeRow,
    result: ChargeResult,
    now: Date,
  ): Promise<Date | undefined> {
    const decision = decideCharge(result, {
      fixBy: pledge.fix_by,
      now,
      fixWindowSeconds: this.config.PAYMENT_FIX_WINDOW_SECONDS,
    });
    switch (decision.to) {
      case 'CHARGED':
        await this.transitions.charge(manager, pledge, decision.chargeRef, now);
        return undefined;
      case 'PAYMENT_FAILED':
        await this.transitions.fail(manager, pledge, decision.declineCode, now);
        return undefined;
      case 'PAYMENT_ACTION_REQUIRED':
        await this.transitions.requireAction(manager, pledge, decision.declineCode, decision.fixBy);
        return decision.fixBy;
    }
  }

  /**
   * The investor cancelled (within their legal window, still open when an admin closes a
   * campaign before its deadline) while the provider was charging: the money was taken for a
   * pledge that no longer exists, so it goes back at once, and the journal shows both movements.
   */
  private async refundIfOrphaned(pledgeId: string, chargeRef: string): Promise<void> {
    const [cancelled] = (await this.dataSource.query(
      `SELECT ${SETTLING_PLEDGE_COLUMNS} FROM pledges
        WHERE id = $1 AND status = 'CANCELLED' AND NOT EXISTS (SELECT 1 FROM orphan_refunds WHERE charge_ref = $2)`,
      [pledgeId, chargeRef],
    )) as SettlingPledgeRow[];
    if (!cancelled) return;
    const orphan = {
      pledgeId,
      projectId: cancelled.project_id,
      chargeRef,
      amount: Number(cancelled.amount),
      currency: cancelled.currency,
    };
    const refundRef = await this.orphans.refund(orphan);
    await this.dataSource.transaction((manager) => this.orphans.record(manager, orphan, refundRef, cancelled));
  }

  /**
   * The same cancellation, when the process that sent the charge died before it applied the
   * answer: this retry finds the pledge cancelled, but sent to the provider and undecided. The
   * same key gets the provider's first answer (had the request never arrived, it charges now),
   * and money taken goes back as above. Without this, only a provider's webhook could tell.
   */
  private async refundCancelledInFlight(pledgeId: string, attempt: number): Promise<void> {
    const [cancelled] = (await this.dataSource.query(
      `SELECT ${SETTLING_PLEDGE_COLUMNS} FROM pledges
        WHERE id = $1 AND status = 'CANCELLED' AND requested_attempt = $2 AND decided_attempt IS DISTINCT FROM $2`,
      [pledgeId, attempt],
    )) as SettlingPledgeRow[];
    if (!cancelled) return;
    const result = await this.payments.charge(chargeRequestOf(cancelled, attempt));
    if (result.outcome === 'network_error') throw new ChargeNotAnsweredError(pledgeId);
    if (result.outcome === 'succeeded') await this.refundIfOrphaned(pledgeId, result.chargeRef!);
  }
}

/** The provider call of an attempt: a retry must send exactly the first request (same key, same body). */
function chargeRequestOf(pledge: SettlingPledgeRow, attempt: number): ChargeRequest {
  if (pledge.customer_ref === null || pledge.payment_method_ref === null) {
    throw new Error(`Pledge ${pledge.id} has no saved payment method to charge`);
  }
  return {
    pledgeId: pledge.id,
    amount: Number(pledge.amount),
    currency: pledge.currency,
    customerRef: pledge.customer_ref,
    paymentMethodRef: pledge.payment_method_ref,
    idempotencyKey: idempotencyKeyOf.charge(pledge.id, attempt),
  };
}
