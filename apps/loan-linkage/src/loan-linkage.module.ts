import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { CollateralModule } from './collateral/collateral.module';

/** IP collateral, valuations, the bank view, linked loans and risk-compensation pools. */
@Module({
  imports: [AuthModule, MessagingModule, CollateralModule],
})
export class LoanLinkageModule {}
