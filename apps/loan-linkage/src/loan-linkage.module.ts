import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';

/** IP collateral, valuations, the bank view, linked loans and risk-compensation pools. */
@Module({
  imports: [AuthModule, MessagingModule],
})
export class LoanLinkageModule {}
