import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { LoanLinkageModule } from './loan-linkage.module';
import { CreateIpAssets1764180200000 } from './migrations/1764180200000-create-ip-assets';
import { CreateRoundsAndValuations1764600000000 } from './migrations/1764600000000-create-rounds-and-valuations';
import { CreateRiskPools1764600100000 } from './migrations/1764600100000-create-risk-pools';
import { CreateLoans1764600200000 } from './migrations/1764600200000-create-loans';
import { CreateLoanLedger1764600300000 } from './migrations/1764600300000-create-loan-ledger';
import { CreateAuditLog1764600400000 } from './migrations/1764600400000-create-audit-log';
import { CreateIdempotencyKeys1764600500000 } from './migrations/1764600500000-create-idempotency-keys';

export const loanLinkageService: ServiceDefinition = {
  name: 'loan-linkage',
  description: 'IP collateral, valuations, the bank view, linked loans and risk-compensation pools.',
  module: LoanLinkageModule,
  entities: [],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateIpAssets1764180200000,
    CreateRoundsAndValuations1764600000000,
    CreateRiskPools1764600100000,
    CreateLoans1764600200000,
    CreateLoanLedger1764600300000,
    CreateAuditLog1764600400000,
    CreateIdempotencyKeys1764600500000,
  ],
};
