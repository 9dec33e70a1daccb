import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { ProjectsModule } from '../projects/projects.module';
import { PayoutAccountsController } from './payout-accounts.controller';
import { PayoutAccountsService } from './payout-accounts.service';

/** Where a company's funded campaigns pay out (Stripe Connect), and telling the pledge service. */
@Module({
  imports: [CompaniesModule, ProjectsModule],
  controllers: [PayoutAccountsController],
  providers: [PayoutAccountsService],
})
export class PayoutAccountsModule {}
