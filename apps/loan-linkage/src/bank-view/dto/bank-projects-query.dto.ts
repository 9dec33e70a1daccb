import { ApiPropertyOptional } from '@nestjs/swagger';
import { IP_ASSET_EVENT_TYPES, PROJECT_EVENT_JURISDICTIONS } from '@crowdlink/contracts';
import { PageQuery } from '@crowdlink/platform';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Filters like the public showcase's, plus the kind of collateral. */
export class BankProjectsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stage?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: PROJECT_EVENT_JURISDICTIONS })
  @IsOptional()
  @IsIn(PROJECT_EVENT_JURISDICTIONS)
  jurisdiction?: (typeof PROJECT_EVENT_JURISDICTIONS)[number];

  @ApiPropertyOptional({ enum: ['APPROVED', 'LIVE'] })
  @IsOptional()
  @IsIn(['APPROVED', 'LIVE'])
  status?: 'APPROVED' | 'LIVE';

  @ApiPropertyOptional({ enum: IP_ASSET_EVENT_TYPES, description: 'Only projects with valued, free IP of this type' })
  @IsOptional()
  @IsIn(IP_ASSET_EVENT_TYPES)
  assetType?: (typeof IP_ASSET_EVENT_TYPES)[number];

  @ApiPropertyOptional({ description: 'Text in the project title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
