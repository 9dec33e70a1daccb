import { Module } from '@nestjs/common';
import { InvestorEligibilityChangedHandler } from './events/investor-eligibility-changed.handler';
import { UserProfileChangedHandler } from './events/user-profile-changed.handler';
import { UserRegisteredHandler } from './events/user-registered.handler';

/**
 * What the pledge service knows of investors: their eligibility (KYC, finances, EU/CN tests)
 * for pledge decisions, and their display names for the cap table.
 */
@Module({
  providers: [InvestorEligibilityChangedHandler, UserRegisteredHandler, UserProfileChangedHandler],
})
export class InvestorEligibilityModule {}
