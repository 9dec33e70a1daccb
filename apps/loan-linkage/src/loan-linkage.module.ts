import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { AuditModule } from './audit/audit.module';
import { BankViewModule } from './bank-view/bank-view.module';
import { CollateralModule } from './collateral/collateral.module';
import { LoansModule } from './loans/loans.module';
import { RiskPoolsModule } from './risk-pools/risk-pools.module';
import { RoundsModule } from './rounds/rounds.module';
import { ServicingModule } from './servicing/servicing.module';
import { TestClockModule } from './test-clock/test-clock.module';
import { ValuationsModule } from './valuations/valuations.module';

/** IP collateral, valuations, the bank view, linked loans and risk-compensation pools. */
@Module({
  imports: [
    AuthModule,
    MessagingModule,
    CollateralModule,
    RoundsModule,
    ValuationsModule,
    BankViewModule,
    LoansModule,
    ServicingModule,
    RiskPoolsModule,
    AuditModule,
    TestClockModule,
  ],
})
export class LoanLinkageModule {}
