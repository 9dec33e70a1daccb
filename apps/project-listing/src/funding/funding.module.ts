import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module';
import { CampaignClosedHandler } from './events/campaign-closed.handler';
import { CampaignProgressHandler } from './events/campaign-progress.handler';

/** Funding progress and outcomes, as the pledge service reports them. */
@Module({
  imports: [ReviewModule],
  providers: [CampaignProgressHandler, CampaignClosedHandler],
})
export class FundingModule {}
