import { Module } from '@nestjs/common';
import { InvestorEligibilityChangedHandler } from './events/investor-eligibility-changed.handler';

/** The investor-eligibility projection: KYC, finances and EU/CN tests, as pledge decisions will need them. */
@Module({
  providers: [InvestorEligibilityChangedHandler],
})
export class InvestorEligibilityModule {}
