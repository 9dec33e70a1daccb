import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JURISDICTIONS, Jurisdiction } from '@crowdlink/compliance';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsMinorUnits } from '../../shared/money.validators';
import { IsOmittable } from '../../shared/optional.validators';
import {
  FUNDING_MODELS,
  FundingModel,
  PROJECT_KINDS,
  PROJECT_STAGES,
  ProjectKind,
  ProjectStage,
} from '../project.model';
import { DisclosuresDto, EquityTermsDto, IpAssetInputDto, RewardInputDto } from './project-parts.dto';

export const MAX_REWARDS = 50;
export const MAX_IP_ASSETS = 50;

/** The project body of api.md. Consistency across fields is checked by the domain (project-terms.ts). */
export class CreateProjectDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId!: string;

  @ApiProperty({ enum: PROJECT_KINDS })
  @IsIn(PROJECT_KINDS)
  kind!: ProjectKind;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1_000)
  summary!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 50_000)
  description!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  sector!: string;

  @ApiProperty({ enum: PROJECT_STAGES })
  @IsIn(PROJECT_STAGES)
  stage!: ProjectStage;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  region!: string;

  @ApiProperty({ enum: JURISDICTIONS })
  @IsIn(JURISDICTIONS)
  jurisdiction!: Jurisdiction;

  @ApiProperty({ example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code in capitals' })
  currency!: string;

  @ApiProperty({ description: 'minor units' })
  @IsMinorUnits()
  targetAmount!: number;

  @ApiProperty({ description: 'minor units; the hard cap' })
  @IsMinorUnits()
  maxAmount!: number;

  @ApiProperty({ description: 'minor units' })
  @IsMinorUnits()
  minPledge!: number;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  closesAt!: string;

  @ApiProperty({ enum: FUNDING_MODELS })
  @IsIn(FUNDING_MODELS)
  fundingModel!: FundingModel;

  @ApiPropertyOptional({ type: EquityTermsDto, description: 'required for EQUITY' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => EquityTermsDto)
  equity?: EquityTermsDto;

  @ApiPropertyOptional({ type: [RewardInputDto], description: 'REWARD only' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_REWARDS)
  @ValidateNested({ each: true })
  @Type(() => RewardInputDto)
  rewards?: RewardInputDto[];

  @ApiPropertyOptional({ type: [IpAssetInputDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_IP_ASSETS)
  @ValidateNested({ each: true })
  @Type(() => IpAssetInputDto)
  ipAssets?: IpAssetInputDto[];

  @ApiPropertyOptional({ type: DisclosuresDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => DisclosuresDto)
  disclosures?: DisclosuresDto;
}
