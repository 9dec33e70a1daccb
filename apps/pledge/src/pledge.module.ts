import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CapTableModule } from './cap-table/cap-table.module';
import { InvestorEligibilityModule } from './investor-eligibility/investor-eligibility.module';
import { LedgerModule } from './ledger/ledger.module';
import { StripeWebhooksModule } from './payments/webhooks/stripe-webhooks.module';
import { PledgesModule } from './pledges/pledges.module';
import { ReconfirmationModule } from './reconfirmation/reconfirmation.module';
import { SettlementModule } from './settlement/settlement.module';

/** Pledges, payments, settlement, the ledger and the cap table. */
@Module({
  imports: [
    AuthModule,
    MessagingModule,
    CampaignsModule,
    InvestorEligibilityModule,
    PledgesModule,
    ReconfirmationModule,
    LedgerModule,
    CapTableModule,
    SettlementModule,
    StripeWebhooksModule,
  ],
})
export class PledgeModule {}
