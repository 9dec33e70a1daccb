import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvestorsModule } from '../investors/investors.module';
import { KycDecision } from './kyc-decision.entity';
import { KycController } from './kyc.controller';
import { KycService } from './kyc.service';

/** KYC decided by admins: NOT_SUBMITTED → PENDING (profile) → VERIFIED | REJECTED, with history. */
@Module({
  imports: [InvestorsModule, TypeOrmModule.forFeature([KycDecision])],
  controllers: [KycController],
  providers: [KycService],
})
export class KycModule {}
