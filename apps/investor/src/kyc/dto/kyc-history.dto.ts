import { ApiProperty } from '@nestjs/swagger';
import { KYC_STATUSES, KycStatus } from '../../investors/investor-profile.entity';
import { KycDecision } from '../kyc-decision.entity';

export class KycHistoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['submit', 'verify', 'reject'] }) action!: string;
  @ApiProperty({ enum: KYC_STATUSES }) from!: KycStatus;
  @ApiProperty({ enum: KYC_STATUSES }) to!: KycStatus;
  @ApiProperty({ format: 'uuid', description: 'the investor (submit) or the admin (verify, reject)' }) by!: string;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;

  static of(decision: KycDecision): KycHistoryEntryDto {
    return {
      id: decision.id,
      action: decision.action,
      from: decision.fromStatus,
      to: decision.toStatus,
      by: decision.actorId,
      notes: decision.notes,
      at: decision.createdAt.toISOString(),
    };
  }
}

export class KycHistoryDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: KYC_STATUSES }) kycStatus!: KycStatus;
  @ApiProperty({ type: [KycHistoryEntryDto] }) items!: KycHistoryEntryDto[];
}
