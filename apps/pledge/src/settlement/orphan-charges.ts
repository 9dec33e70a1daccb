import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { Journal } from '../ledger/journal';
import { idempotencyKeyOf, PAYMENT_PROVIDER, PaymentProvider } from '../payments/payment-provider';
import { figuresOf } from '../pledges/pledge-rows';
import { SettlingPledgeRow } from './settling-pledge';

/** Money the provider holds for a pledge under `chargeRef`, which that pledge does not keep. */
export interface OrphanCharge {
  pledgeId: string;
  projectId: string;
  chargeRef: string;
  /** Integer minor units, as the provider took them. */
  amount: number;
  currency: string;
}

/**
 * Gives back a charge that no pledge keeps, at once: refunded under
 * `refund:<pledgeId>:<chargeRef>` (a rerun gets the provider's first refund), and recorded
 * once per charge in `orphan_refunds` with both movements in the journal, so the books show
 * the money in and out and a later echo of the same charge finds it already given back.
 */
@Injectable()
export class OrphanCharges {
  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly payments: PaymentProvider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly journal: Journal,
    private readonly outbox: OutboxPublisher,
  ) {}

  async isRefunded(manager: EntityManager, chargeRef: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM orphan_refunds WHERE charge_ref = $1`, [chargeRef])) as unknown[];
    return rows.length > 0;
  }

  /** The provider's refund; answers its ref. */
  async refund(orphan: OrphanCharge): Promise<string> {
    const { refundRef } = await this.payments.refund({
      chargeRef: orphan.chargeRef,
      amount: orphan.amount,
      idempotencyKey: idempotencyKeyOf.orphanRefund(orphan.pledgeId, orphan.chargeRef),
    });
    return refundRef;
  }

  /**
   * In the caller's transaction; a second record of the same charge is a no-op. The first
   * also tells the investor (`pledge.charge-refunded`): their statement shows the charge.
   */
  async record(
    manager: EntityManager,
    orphan: OrphanCharge,
    refundRef: string,
    pledge: SettlingPledgeRow,
  ): Promise<void> {
    const at = this.clock.now();
    const inserted = (await manager.query(
      `INSERT INTO orphan_refunds (id, charge_ref, pledge_id, currency, amount, refund_ref, refunded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (charge_ref) DO NOTHING
       RETURNING id`,
      [newId(), orphan.chargeRef, orphan.pledgeId, orphan.currency, orphan.amount, refundRef, at.toISOString()],
    )) as unknown[];
    if (inserted.length === 0) return;
    await this.journal.recordOrphanRefund(manager, { ...orphan, at });
    await this.outbox.publish(manager, 'pledge.charge-refunded', {
      aggregateId: pledge.id,
      aggregateVersion: pledge.version,
      payload: { ...figuresOf(pledge), refundedAmount: orphan.amount, refundedAt: at.toISOString() },
    });
  }
}
