import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { CreateCampaigns1764180100000 } from './migrations/1764180100000-create-campaigns';
import { CreateInvestorEligibility1764210100000 } from './migrations/1764210100000-create-investor-eligibility';
import { CreatePledges1764400000000 } from './migrations/1764400000000-create-pledges';
import { AddPaymentMethods1764500000000 } from './migrations/1764500000000-add-payment-methods';
import { PledgeModule } from './pledge.module';

export const pledgeService: ServiceDefinition = {
  name: 'pledge',
  description: 'Pledges, payments, settlement, the ledger and the cap table.',
  module: PledgeModule,
  entities: [],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateCampaigns1764180100000,
    CreateInvestorEligibility1764210100000,
    CreatePledges1764400000000,
    AddPaymentMethods1764500000000,
  ],
};
