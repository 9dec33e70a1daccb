import { Module } from '@nestjs/common';
import { InvestorsModule } from '../investors/investors.module';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

/** The investor's own profile: finances, preferences, and submitting it for KYC. */
@Module({
  imports: [InvestorsModule],
  controllers: [ProfilesController],
  providers: [ProfilesService],
})
export class ProfilesModule {}
