import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { AmendmentsModule } from './amendments/amendments.module';
import { CompaniesModule } from './companies/companies.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { FundingModule } from './funding/funding.module';
import { PayoutAccountsModule } from './payout-accounts/payout-accounts.module';
import { ProjectsModule } from './projects/projects.module';
import { ReviewModule } from './review/review.module';
import { ShowcaseModule } from './showcase/showcase.module';
import { UpdatesModule } from './updates/updates.module';

/** Companies, projects, review, the public showcase and search, IP declarations. */
@Module({
  imports: [
    AuthModule,
    MessagingModule,
    CompaniesModule,
    PayoutAccountsModule,
    ProjectsModule,
    ReviewModule,
    AmendmentsModule,
    ShowcaseModule,
    UpdatesModule,
    ComplaintsModule,
    FundingModule,
  ],
})
export class ProjectListingModule {}
