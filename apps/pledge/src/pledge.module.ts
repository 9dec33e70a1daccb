import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';

/** Pledges, payments, settlement, the ledger and the cap table. */
@Module({
  imports: [AuthModule, MessagingModule],
})
export class PledgeModule {}
