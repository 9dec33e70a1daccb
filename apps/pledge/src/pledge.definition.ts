import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { CreateCampaigns1764180100000 } from './migrations/1764180100000-create-campaigns';
import { CreateInvestorEligibility1764210100000 } from './migrations/1764210100000-create-investor-eligibility';
import { CreatePledges1764400000000 } from './migrations/1764400000000-create-pledges';
import { AddPaymentMethods1764500000000 } from './migrations/1764500000000-add-payment-methods';
import { CreateLedgerAndCapTable1764600000000 } from './migrations/1764600000000-create-ledger-and-cap-table';
import { AddSettlement1764610000000 } from './migrations/1764610000000-add-settlement';
import { CreateStripeWebhookEvents1764620000000 } from './migrations/1764620000000-create-stripe-webhook-events';
import { AddReconfirmation1764630000000 } from './migrations/1764630000000-add-reconfirmation';
import { CreateInvestorNames1764640000000 } from './migrations/1764640000000-create-investor-names';
import { AddOrphanRefunds1764660000000 } from './migrations/1764660000000-add-orphan-refunds';
import { DropRedundantPledgesProjectIndex1764670000000 } from './migrations/1764670000000-drop-redundant-pledges-project-index';
import { AddPledgeRequestedAttempt1764680000000 } from './migrations/1764680000000-add-pledge-requested-attempt';
import { CreateAssertHolds1764690000000 } from './migrations/1764690000000-create-assert-holds';
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
    CreateLedgerAndCapTable1764600000000,
    AddSettlement1764610000000,
    CreateStripeWebhookEvents1764620000000,
    AddReconfirmation1764630000000,
    CreateInvestorNames1764640000000,
    AddOrphanRefunds1764660000000,
    DropRedundantPledgesProjectIndex1764670000000,
    AddPledgeRequestedAttempt1764680000000,
    CreateAssertHolds1764690000000,
  ],
};
