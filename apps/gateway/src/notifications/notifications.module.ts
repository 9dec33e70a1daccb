import { Module } from '@nestjs/common';
import { CampaignClosedHandler } from './events/campaign-closed.handler';
import { CompensationPaidHandler } from './events/compensation-paid.handler';
import { ComplaintResolvedHandler } from './events/complaint-resolved.handler';
import { InvestorMatchesFoundHandler } from './events/investor-matches-found.handler';
import { LoanAcceptedHandler } from './events/loan-accepted.handler';
import { LoanDefaultedHandler } from './events/loan-defaulted.handler';
import { LoanDisbursedHandler } from './events/loan-disbursed.handler';
import { LoanLapsedHandler } from './events/loan-lapsed.handler';
import { LoanOfferedHandler } from './events/loan-offered.handler';
import { PledgeCancelledHandler } from './events/pledge-cancelled.handler';
import { PledgeChargedHandler } from './events/pledge-charged.handler';
import { PledgeChargeRefundedHandler } from './events/pledge-charge-refunded.handler';
import { PledgeCommittedHandler } from './events/pledge-committed.handler';
import { PledgePaymentActionRequiredHandler } from './events/pledge-payment-action-required.handler';
import { PledgePaymentFailedHandler } from './events/pledge-payment-failed.handler';
import { PledgeReconfirmationRequestedHandler } from './events/pledge-reconfirmation-requested.handler';
import { PledgeReleasedHandler } from './events/pledge-released.handler';
import { ProjectAmendedHandler } from './events/project-amended.handler';
import { ProjectApprovedHandler } from './events/project-approved.handler';
import { ProjectLiveHandler } from './events/project-live.handler';
import { ProjectSubmittedHandler } from './events/project-submitted.handler';
import { ProjectTermsChangedHandler } from './events/project-terms-changed.handler';
import { ProjectWithdrawnHandler } from './events/project-withdrawn.handler';
import { SharesIssuedHandler } from './events/shares-issued.handler';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Every user's inbox of notifications, fed by events from every service. Owns the tables
 * `notifications` and two projections that say whom to tell: `notification_projects`
 * (owner, title, deadline; from project.*) and `notification_pledges` (who backs what;
 * from pledge.committed and pledge.cancelled). Loan events name their founder and bank
 * user themselves. It never reads another service's tables.
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
    ProjectAmendedHandler,
    PledgeCommittedHandler,
    PledgeCancelledHandler,
    PledgeReconfirmationRequestedHandler,
    PledgeChargedHandler,
    PledgeChargeRefundedHandler,
    PledgePaymentActionRequiredHandler,
    PledgePaymentFailedHandler,
    PledgeReleasedHandler,
    CampaignClosedHandler,
    SharesIssuedHandler,
    ComplaintResolvedHandler,
    InvestorMatchesFoundHandler,
    LoanOfferedHandler,
    LoanAcceptedHandler,
    LoanDisbursedHandler,
    LoanLapsedHandler,
    LoanDefaultedHandler,
    CompensationPaidHandler,
  ],
})
export class NotificationsModule {}
