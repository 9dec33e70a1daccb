import { Module } from '@nestjs/common';
import { InvestorsModule } from '../investors/investors.module';
import { PledgeCancelledHandler } from './events/pledge-cancelled.handler';
import { PledgeCommittedHandler } from './events/pledge-committed.handler';
import { PledgePaymentFailedHandler } from './events/pledge-payment-failed.handler';
import { PledgeReleasedHandler } from './events/pledge-released.handler';
import { LimitsController } from './limits.controller';
import { LimitsService } from './limits.service';

/** Investment limits per jurisdiction, counted against a projection of the pledge service's pledges. */
@Module({
  imports: [InvestorsModule],
  controllers: [LimitsController],
  providers: [
    LimitsService,
    PledgeCommittedHandler,
    PledgeCancelledHandler,
    PledgePaymentFailedHandler,
    PledgeReleasedHandler,
  ],
})
export class LimitsModule {}
