import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { InvestorModule } from './investor.module';
import { InvestorProfile } from './investors/investor-profile.entity';
import { KnowledgeTestAttempt } from './knowledge-test/knowledge-test-attempt.entity';
import { KycDecision } from './kyc/kyc-decision.entity';
import { CreateInvestorProfiles1764170100000 } from './migrations/1764170100000-create-investor-profiles';
import { AddInvestorProfileDetails1764210000000 } from './migrations/1764210000000-add-investor-profile-details';
import { AddMatching1764300000000 } from './migrations/1764300000000-add-matching';
import { SophisticationRequest } from './sophistication/sophistication-request.entity';

export const investorService: ServiceDefinition = {
  name: 'investor',
  description: 'Investor profiles, KYC, jurisdiction limits and matching.',
  module: InvestorModule,
  entities: [InvestorProfile, KycDecision, KnowledgeTestAttempt, SophisticationRequest],
  migrations: [
    ...MESSAGING_MIGRATIONS,
    CreateInvestorProfiles1764170100000,
    AddInvestorProfileDetails1764210000000,
    AddMatching1764300000000,
  ],
};
