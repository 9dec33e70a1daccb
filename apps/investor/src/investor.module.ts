import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { InvestorsModule } from './investors/investors.module';

/** Investor profiles, KYC, limits and matching. */
@Module({
  imports: [AuthModule, MessagingModule, InvestorsModule],
})
export class InvestorModule {}
