import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { DataSource } from 'typeorm';
import { Journal } from '../ledger/journal';
import { idempotencyKeyOf, PAYMENT_PROVIDER, PaymentProvider } from '../payments/payment-provider';

interface UnpaidRow {
  amount: string;
  currency: string;
  account: string | null;
}

/**
 * Pays a FUNDED campaign's share (raised − platform fee) to the startup's connected account,
 * from the project snapshot's `payoutAccountId`. Without one the money stays owed in the
 * startup-payable account (AWAITING_PAYOUT_ACCOUNT) rather than go to an invented account;
 * the sweep pays it once a snapshot brings the account. The transfer's key is
 * `payout:<projectId>`, so a rerun after a crash is the first transfer again.
 */
@Injectable()
export class StartupPayout {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PAYMENT_PROVIDER) private readonly payments: PaymentProvider,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly journal: Journal,
  ) {}

  async pay(projectId: string): Promise<void> {
    const [unpaid] = (await this.dataSource.query(
      `SELECT s.payout_amount::text AS amount, trim(c.currency) AS currency,
              nullif(c.snapshot->>'payoutAccountId', '') AS account
         FROM settlements s JOIN campaigns c USING (project_id)
        WHERE s.project_id = $1 AND s.outcome = 'FUNDED' AND s.payout_status IN ('PENDING', 'AWAITING_PAYOUT_ACCOUNT')`,
      [projectId],
    )) as UnpaidRow[];
    if (!unpaid) return;
    const amount = Number(unpaid.amount);
    if (amount === 0) return this.markPaid(projectId, null, amount, unpaid.currency);
    if (unpaid.account === null) {
      await this.dataSource.query(
        `UPDATE settlements SET payout_status = 'AWAITING_PAYOUT_ACCOUNT', updated_at = now()
          WHERE project_id = $1 AND payout_status = 'PENDING'`,
        [projectId],
      );
      return;
    }
    const transfer = await this.payments.transfer({
      destinationAccount: unpaid.account,
      amount,
      currency: unpaid.currency,
      idempotencyKey: idempotencyKeyOf.payout(projectId),
    });
    await this.markPaid(projectId, transfer.transferRef, amount, unpaid.currency);
  }

  private async markPaid(
    projectId: string,
    transferRef: string | null,
    amount: number,
    currency: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [paid] = (await manager.query(
        `UPDATE settlements SET payout_status = 'PAID', payout_ref = $2, updated_at = now()
          WHERE project_id = $1 AND payout_status IN ('PENDING', 'AWAITING_PAYOUT_ACCOUNT')
          RETURNING project_id`,
        [projectId, transferRef],
      )) as [unknown[], number];
      if (paid.length > 0 && amount > 0) {
        await this.journal.recordPayout(manager, { projectId, currency, amount, at: this.clock.now() });
      }
    });
  }
}
