import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { CampaignsModule } from './campaigns/campaigns.module';
import { InvestorEligibilityModule } from './investor-eligibility/investor-eligibility.module';
import { PledgesModule } from './pledges/pledges.module';

/** Pledges, payments, settlement, the ledger and the cap table. */
@Module({
  imports: [AuthModule, MessagingModule, CampaignsModule, InvestorEligibilityModule, PledgesModule],
})
export class PledgeModule {}
