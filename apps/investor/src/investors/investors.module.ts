import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserProfileChangedHandler } from './events/user-profile-changed.handler';
import { UserRegisteredHandler } from './events/user-registered.handler';
import { InvestorProfile } from './investor-profile.entity';
import { InvestorProfilesRepository } from './investor-profiles.repository';

/** The investor record itself: created from the gateway's user events, changed through the repository. */
@Module({
  imports: [TypeOrmModule.forFeature([InvestorProfile])],
  providers: [InvestorProfilesRepository, UserRegisteredHandler, UserProfileChangedHandler],
  exports: [InvestorProfilesRepository],
})
export class InvestorsModule {}
