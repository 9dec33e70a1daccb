import { Module } from '@nestjs/common';
import { ServiceClockModule } from '../clock/service-clock.module';
import { LedgerModule } from '../ledger/ledger.module';
import { Linkage } from './linkage';
import { LoanTransitions } from './loan-transitions';

/** The loan state machine and the linkage decisions, shared by offers, servicing and claims. */
@Module({
  imports: [ServiceClockModule, LedgerModule],
  providers: [LoanTransitions, Linkage],
  exports: [LoanTransitions, Linkage],
})
export class LoanStateModule {}
