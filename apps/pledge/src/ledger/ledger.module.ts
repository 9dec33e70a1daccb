import { Module } from '@nestjs/common';
import { Journal } from './journal';
import { LedgerController } from './ledger.controller';
import { TrialBalanceService } from './trial-balance.service';

/** The double-entry journal of every money movement, and its trial balance for admins. */
@Module({
  controllers: [LedgerController],
  providers: [Journal, TrialBalanceService],
  exports: [Journal],
})
export class LedgerModule {}
