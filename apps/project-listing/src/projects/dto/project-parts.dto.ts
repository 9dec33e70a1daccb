import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsMinorUnits } from '../../shared/money.validators';
import { IP_ASSET_TYPES, IpAssetType } from '../project.model';

export class EquityTermsDto {
  @ApiProperty({ description: 'minor units per share' })
  @IsMinorUnits()
  pricePerShare!: number;

  @ApiProperty({ description: 'minor units' })
  @IsMinorUnits()
  preMoneyValuation!: number;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  shareClass!: string;
}

export class RewardInputDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 5_000)
  description!: string;

  @ApiProperty({ description: 'minor units' })
  @IsMinorUnits()
  amount!: number;

  @ApiPropertyOptional({ description: 'how many exist; unlimited when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity?: number;
}

export class IpAssetInputDto {
  @ApiProperty({ enum: IP_ASSET_TYPES })
  @IsIn(IP_ASSET_TYPES)
  type!: IpAssetType;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  registryNumber!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  owner!: string;
}

/** Drafts may leave these empty; submitting for review needs all three (domain-rules §4). */
export class DisclosuresDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 20_000)
  risks?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 20_000)
  useOfFunds?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 20_000)
  financialSummary?: string;
}
