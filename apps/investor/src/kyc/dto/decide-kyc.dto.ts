import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export const KYC_DECISIONS = ['verify', 'reject'] as const;
export type KycDecisionKind = (typeof KYC_DECISIONS)[number];

export class DecideKycDto {
  @ApiProperty({ enum: KYC_DECISIONS })
  @IsIn(KYC_DECISIONS)
  decision!: KycDecisionKind;

  @ApiProperty({ description: 'why; kept in the KYC history' })
  @IsString()
  @Length(0, 10_000)
  notes!: string;
}
