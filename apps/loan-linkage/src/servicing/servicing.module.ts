import { Module } from '@nestjs/common';
import { IdempotencyKeySweeper } from '@crowdlink/platform';
import { AuditModule } from '../audit/audit.module';
import { ServiceClockModule } from '../clock/service-clock.module';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { LedgerModule } from '../ledger/ledger.module';
import { LoanStateModule } from '../loans/loan-state.module';
import { ServicingWorker } from './jobs/servicing.worker';
import { LoanServicingService } from './loan-servicing.service';
import { RepaymentsController } from './repayments.controller';
import { RepaymentsService } from './repayments.service';

/** Disbursed loans: repayments, overdue instalments and defaults (a daily job). */
@Module({
  imports: [AuditModule, ServiceClockModule, LedgerModule, LoanStateModule],
  controllers: [RepaymentsController],
  providers: [RepaymentsService, LoanServicingService, ServicingWorker, IdempotencyKeys, IdempotencyKeySweeper],
  exports: [LoanServicingService],
})
export class ServicingModule {}
