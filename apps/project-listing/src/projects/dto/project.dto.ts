import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Jurisdiction } from '@crowdlink/compliance';
import { AmendmentDto } from '../../amendments/dto/amendment.dto';
import { EquityTerms, Project } from '../project.entity';
import { FundingModel, ProjectKind, ProjectStage, ProjectStatus, PROJECT_STATUSES } from '../project.model';

export class FundingDto {
  @ApiProperty({ description: 'minor units committed' })
  raised!: number;

  @ApiProperty()
  pledgeCount!: number;

  @ApiProperty({ description: 'whole percent of the target, rounded down' })
  percentOfTarget!: number;
}

export class RewardDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  amount!: number;

  @ApiPropertyOptional({ nullable: true, type: Number })
  quantity!: number | null;
}

export class IpAssetDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty()
  registryNumber!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  owner!: string;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @ApiProperty() kind!: ProjectKind;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() description!: string;
  @ApiProperty() sector!: string;
  @ApiProperty() stage!: ProjectStage;
  @ApiProperty() region!: string;
  @ApiProperty() jurisdiction!: Jurisdiction;
  @ApiProperty() currency!: string;
  @ApiProperty() targetAmount!: number;
  @ApiProperty() maxAmount!: number;
  @ApiProperty() minPledge!: number;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty() fundingModel!: FundingModel;
  @ApiPropertyOptional({ nullable: true }) equity!: EquityTerms | null;
  @ApiProperty({ type: [RewardDto] }) rewards!: RewardDto[];
  @ApiProperty({ type: [IpAssetDto] }) ipAssets!: IpAssetDto[];
  @ApiProperty() disclosures!: { risks: string | null; useOfFunds: string | null; financialSummary: string | null };
  @ApiProperty({ type: FundingDto }) funding!: FundingDto;
  @ApiProperty({ type: [AmendmentDto], description: 'material changes made while LIVE, oldest first' })
  amendments!: AmendmentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(project: Project): ProjectDto {
    return {
      id: project.id,
      companyId: project.companyId,
      ownerId: project.ownerId,
      version: project.version,
      status: project.status,
      kind: project.kind,
      title: project.title,
      summary: project.summary,
      description: project.description,
      sector: project.sector,
      stage: project.stage,
      region: project.region,
      jurisdiction: project.jurisdiction,
      currency: project.currency,
      targetAmount: project.targetAmount,
      maxAmount: project.maxAmount,
      minPledge: project.minPledge,
      opensAt: project.opensAt.toISOString(),
      closesAt: project.closesAt.toISOString(),
      fundingModel: project.fundingModel,
      equity: project.equityTerms(),
      rewards: [...project.rewards]
        .sort((a, b) => a.position - b.position)
        .map(({ id, title, description, amount, quantity }) => ({ id, title, description, amount, quantity })),
      ipAssets: [...project.ipAssets]
        .sort((a, b) => a.position - b.position)
        .map(({ id, type, registryNumber, title, owner }) => ({ id, type, registryNumber, title, owner })),
      disclosures: {
        risks: project.risks,
        useOfFunds: project.useOfFunds,
        financialSummary: project.financialSummary,
      },
      funding: {
        raised: project.raised,
        pledgeCount: project.pledgeCount,
        // integer arithmetic: a float never decides a percentage
        percentOfTarget: Number((BigInt(project.raised) * 100n) / BigInt(project.targetAmount)),
      },
      amendments: project.amendments.map(AmendmentDto.of),
      createdAt: project.createdAt.toISOString(),
      updatedAt: project.updatedAt.toISOString(),
    };
  }
}
