import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { InvestorsModule } from './investors/investors.module';
import { KnowledgeTestModule } from './knowledge-test/knowledge-test.module';
import { KycModule } from './kyc/kyc.module';
import { LimitsModule } from './limits/limits.module';
import { MatchingModule } from './matching/matching.module';
import { LossSimulationModule } from './loss-simulation/loss-simulation.module';
import { ProfilesModule } from './profiles/profiles.module';
import { SophisticationModule } from './sophistication/sophistication.module';

/** Investor profiles, KYC, the EU investor tests, limits, matching. */
@Module({
  imports: [
    AuthModule,
    MessagingModule,
    InvestorsModule,
    ProfilesModule,
    KycModule,
    KnowledgeTestModule,
    LossSimulationModule,
    SophisticationModule,
    LimitsModule,
    MatchingModule,
  ],
})
export class InvestorModule {}
