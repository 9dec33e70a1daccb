import { Module } from '@nestjs/common';
import { CampaignClosedHandler } from './events/campaign-closed.handler';
import { ComplaintResolvedHandler } from './events/complaint-resolved.handler';
import { InvestorMatchesFoundHandler } from './events/investor-matches-found.handler';
import { PledgeCancelledHandler } from './events/pledge-cancelled.handler';
import { PledgeCommittedHandler } from './events/pledge-committed.handler';
import { ProjectApprovedHandler } from './events/project-approved.handler';
import { ProjectLiveHandler } from './events/project-live.handler';
import { ProjectSubmittedHandler } from './events/project-submitted.handler';
import { ProjectTermsChangedHandler } from './events/project-terms-changed.handler';
import { ProjectWithdrawnHandler } from './events/project-withdrawn.handler';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Every user's inbox of notifications, fed by events from every service. Owns the tables
 * `notifications` and two projections that say whom to tell: `notification_projects`
 * (owner, title, deadline; from project.*) and `notification_pledges` (who backs what;
 * from pledge.*). It never reads another service's tables.
 */
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    ProjectSubmittedHandler,
    ProjectApprovedHandler,
    ProjectLiveHandler,
    ProjectTermsChangedHandler,
    ProjectWithdrawnHandler,
    PledgeCommittedHandler,
    PledgeCancelledHandler,
    CampaignClosedHandler,
    ComplaintResolvedHandler,
    InvestorMatchesFoundHandler,
  ],
})
export class NotificationsModule {}
