import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserProfileChangedHandler } from './events/user-profile-changed.handler';
import { UserRegisteredHandler } from './events/user-registered.handler';
import { InvestorProfile } from './investor-profile.entity';
import { InvestorsController } from './investors.controller';
import { InvestorsService } from './investors.service';

@Module({
  imports: [TypeOrmModule.forFeature([InvestorProfile])],
  controllers: [InvestorsController],
  providers: [InvestorsService, UserRegisteredHandler, UserProfileChangedHandler],
})
export class InvestorsModule {}
