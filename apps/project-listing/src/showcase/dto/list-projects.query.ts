import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@crowdlink/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  PROJECT_KINDS,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  ProjectKind,
  ProjectStage,
  ProjectStatus,
} from '../../projects/project.model';
import { SHOWCASE_SORTS, ShowcaseSort } from '../showcase-cursor';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** GET /v1/projects: filters combine with AND; unknown parameters are refused. */
export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROJECT_KINDS })
  @IsOptional()
  @IsIn(PROJECT_KINDS)
  kind?: ProjectKind;

  @ApiPropertyOptional({ description: 'exact sector, e.g. robotics' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sector?: string;

  @ApiPropertyOptional({ enum: PROJECT_STAGES })
  @IsOptional()
  @IsIn(PROJECT_STAGES)
  stage?: ProjectStage;

  @ApiPropertyOptional({ description: 'exact region, e.g. Zhejiang' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    enum: PROJECT_STATUSES,
    description: 'APPROVED, LIVE, FUNDED, FAILED or WITHDRAWN; admins may ask for any status',
  })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @ApiPropertyOptional({
    description:
      'words to find in title, summary and description (Chinese, Japanese and Korean included); all must match',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: SHOWCASE_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(SHOWCASE_SORTS)
  sort: ShowcaseSort = 'newest';
}
