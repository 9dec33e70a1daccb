import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ServiceClockModule } from '../clock/service-clock.module';
import { CampaignClosedHandler } from './events/campaign-closed.handler';
import { ProjectWithdrawnHandler } from './events/project-withdrawn.handler';
import { LoanDecisionsService } from './loan-decisions.service';
import { LoanOffersService } from './loan-offers.service';
import { LoanStateModule } from './loan-state.module';
import { LoanViewService } from './loan-view.service';
import { LoansController } from './loans.controller';

/** Loan offers, the parties' decisions, the linkage to the equity round (its close or withdrawal), and the loan view. */
@Module({
  imports: [AuditModule, ServiceClockModule, LoanStateModule],
  controllers: [LoansController],
  providers: [LoanOffersService, LoanDecisionsService, LoanViewService, CampaignClosedHandler, ProjectWithdrawnHandler],
})
export class LoansModule {}
