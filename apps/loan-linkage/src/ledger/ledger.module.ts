import { Module } from '@nestjs/common';
import { LoanLedger } from './loan-ledger';

/** The double-entry ledger of loans and risk-compensation pools. */
@Module({ providers: [LoanLedger], exports: [LoanLedger] })
export class LedgerModule {}
