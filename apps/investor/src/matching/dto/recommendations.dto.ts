import { ApiProperty } from '@nestjs/swagger';
import { MatchableProject } from '../matching.repository';

export class RecommendedProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['EQUITY', 'REWARD', 'DONATION'] }) kind!: string;
  @ApiProperty() sector!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: ['CN', 'US', 'EU'] }) jurisdiction!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'minor units' }) minPledge!: number;
  @ApiProperty({ description: 'minor units' }) targetAmount!: number;
  @ApiProperty({ description: 'minor units, committed so far' }) raised!: number;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;

  static of(project: MatchableProject): RecommendedProjectDto {
    return {
      id: project.id,
      title: project.title,
      kind: project.kind,
      sector: project.sector,
      stage: project.stage,
      region: project.region,
      jurisdiction: project.jurisdiction,
      currency: project.currency,
      minPledge: project.minPledge,
      targetAmount: project.targetAmount,
      raised: project.raised,
      closesAt: project.closesAt.toISOString(),
    };
  }
}

export class RecommendationDto {
  @ApiProperty({ type: RecommendedProjectDto }) project!: RecommendedProjectDto;
  @ApiProperty({ description: '0–100, integer' }) score!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class RecommendationsDto {
  @ApiProperty({ type: [RecommendationDto] }) items!: RecommendationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
