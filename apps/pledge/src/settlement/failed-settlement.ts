import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { idempotencyKeyOf, PAYMENT_PROVIDER, PaymentProvider } from '../payments/payment-provider';
import { PledgeTransitions } from './pledge-transitions';
import { SettlementOutcome } from './settlement-outcome';
import { SETTLING_PLEDGE_COLUMNS, SettlingPledgeRow } from './settling-pledge';

/**
 * Winds a FAILED settlement down: pledges never charged are released, every charge is
 * refunded (`refund:<pledgeId>`: a rerun after a crash gets the provider's first refund),
 * then the campaign is FAILED. Refunds go one by one, well under the provider's rate limit.
 */
@Injectable()
export class FailedSettlement {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PAYMENT_PROVIDER) private readonly payments: PaymentProvider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly transitions: PledgeTransitions,
    private readonly outcome: SettlementOutcome,
  ) {}

  async windDown(projectId: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.transitions.releaseUncharged(manager, projectId, this.clock.now()),
    );
    const charged = (await this.dataSource.query(
      `SELECT ${SETTLING_PLEDGE_COLUMNS} FROM pledges WHERE project_id = $1 AND status = 'CHARGED' ORDER BY id`,
      [projectId],
    )) as SettlingPledgeRow[];
    for (const pledge of charged) {
      const refund = await this.payments.refund({
        chargeRef: pledge.charge_ref!,
        amount: Number(pledge.amount),
        idempotencyKey: idempotencyKeyOf.refund(pledge.id),
      });
      await this.dataSource.transaction((manager) =>
        this.transitions.refund(manager, pledge.id, refund.refundRef, this.clock.now()),
      );
    }
    await this.outcome.finishFailed(projectId);
  }
}
