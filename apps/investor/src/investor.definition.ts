import { MESSAGING_MIGRATIONS } from '@crowdlink/messaging';
import { ServiceDefinition } from '@crowdlink/platform';
import { InvestorModule } from './investor.module';
import { InvestorProfile } from './investors/investor-profile.entity';
import { CreateInvestorProfiles1764170100000 } from './migrations/1764170100000-create-investor-profiles';

export const investorService: ServiceDefinition = {
  name: 'investor',
  description: 'Investor profiles, KYC, jurisdiction limits and matching.',
  module: InvestorModule,
  entities: [InvestorProfile],
  migrations: [...MESSAGING_MIGRATIONS, CreateInvestorProfiles1764170100000],
};
