import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { CampaignAdmission } from './campaign-admission';
import { IdempotencyKeys } from './idempotency-keys';
import { InvestorLimitGuard } from './investor-limit.guard';
import { PledgesController } from './pledges.controller';
import { PledgesService } from './pledges.service';

/** Pledges: taking them within the cap and the investor's limits, cancelling them, and showing them. */
@Module({
  imports: [PaymentsModule],
  controllers: [PledgesController],
  providers: [PledgesService, CampaignAdmission, InvestorLimitGuard, IdempotencyKeys],
})
export class PledgesModule {}
