import { ApiProperty } from '@nestjs/swagger';
import { InvestorProfile, KycStatus } from '../investor-profile.entity';

export class InvestorProfileDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ['NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED'] })
  kycStatus!: KycStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(profile: InvestorProfile): InvestorProfileDto {
    return {
      userId: profile.userId,
      displayName: profile.displayName,
      kycStatus: profile.kycStatus,
      createdAt: profile.createdAt.toISOString(),
    };
  }
}
