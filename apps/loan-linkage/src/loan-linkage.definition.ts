import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { LoanLinkageModule } from './loan-linkage.module';
import { CreateIpAssets1764180200000 } from './migrations/1764180200000-create-ip-assets';

export const loanLinkageService: ServiceDefinition = {
  name: 'loan-linkage',
  description: 'IP collateral, valuations, the bank view, linked loans and risk-compensation pools.',
  module: LoanLinkageModule,
  entities: [],
  migrations: [...MESSAGING_MIGRATIONS, CreateIpAssets1764180200000],
};
