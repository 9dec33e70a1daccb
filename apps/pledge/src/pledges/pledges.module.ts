import { Module } from '@nestjs/common';
import { IdempotencyKeySweeper } from '@crowdlink/platform';
import { PaymentsModule } from '../payments/payments.module';
import { CampaignAdmission } from './campaign-admission';
import { IdempotencyKeys } from './idempotency-keys';
import { InvestorLimitGuard } from './investor-limit.guard';
import { PledgeBatchCommit } from './pledge-batch-commit';
import { PledgeBatcher } from './pledge-batcher';
import { PledgeCancellation } from './pledge-cancellation';
import { PledgesController } from './pledges.controller';
import { PledgesService } from './pledges.service';

/** Pledges: taking them within the cap and the investor's limits, cancelling them, and showing them. */
@Module({
  imports: [PaymentsModule],
  controllers: [PledgesController],
  providers: [
    PledgesService,
    PledgeBatcher,
    PledgeBatchCommit,
    CampaignAdmission,
    InvestorLimitGuard,
    IdempotencyKeys,
    IdempotencyKeySweeper,
    PledgeCancellation,
  ],
  exports: [PledgeCancellation],
})
export class PledgesModule {}
