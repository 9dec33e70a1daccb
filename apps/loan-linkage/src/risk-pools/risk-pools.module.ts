import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ServiceClockModule } from '../clock/service-clock.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LoanStateModule } from '../loans/loan-state.module';
import { ClaimsService } from './claims.service';
import { RiskPoolsController } from './risk-pools.controller';
import { RiskPoolsService } from './risk-pools.service';

/** Risk-compensation pools and the banks' claims on them. */
@Module({
  imports: [AuditModule, ServiceClockModule, LedgerModule, LoanStateModule],
  controllers: [RiskPoolsController],
  providers: [RiskPoolsService, ClaimsService],
})
export class RiskPoolsModule {}
