import { ApiProperty } from '@nestjs/swagger';
import {
  INVESTOR_TYPES,
  InvestorProfile,
  InvestorType,
  KYC_STATUSES,
  KycStatus,
  SOPHISTICATED_STATUSES,
  SophisticatedStatus,
} from '../../investors/investor-profile.entity';
import { PreferencesDto } from './update-profile.dto';

export const KNOWLEDGE_TEST_STATUSES = ['NOT_PASSED', 'PASSED', 'EXPIRED'] as const;
export type KnowledgeTestStatus = (typeof KNOWLEDGE_TEST_STATUSES)[number];

export class KnowledgeTestStatusDto {
  @ApiProperty({ enum: KNOWLEDGE_TEST_STATUSES }) status!: KnowledgeTestStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) passedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) validUntil!: string | null;
}

/** The investor's own profile; fields the investor has not filled in yet are null. */
export class InvestorProfileDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: INVESTOR_TYPES, nullable: true }) type!: InvestorType | null;
  @ApiProperty({ nullable: true, type: String }) country!: string | null;
  @ApiProperty({ nullable: true, type: String }) currency!: string | null;
  @ApiProperty({ nullable: true, type: Number }) annualIncome!: number | null;
  @ApiProperty({ nullable: true, type: Number }) netWorth!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'addition to api.md (CN)' })
  financialAssets!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'addition to api.md (CN)' })
  averageAnnualIncomeThreeYears!: number | null;
  @ApiProperty() selfCertifiedAccredited!: boolean;
  @ApiProperty({ type: PreferencesDto, nullable: true }) preferences!: PreferencesDto | null;
  @ApiProperty() discoverable!: boolean;
  @ApiProperty({ enum: KYC_STATUSES }) kycStatus!: KycStatus;
  @ApiProperty({ type: KnowledgeTestStatusDto, description: 'addition to api.md (EU)' })
  knowledgeTest!: KnowledgeTestStatusDto;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'addition to api.md (EU)' })
  lossSimulationAcknowledgedAt!: string | null;
  @ApiProperty({ enum: SOPHISTICATED_STATUSES, description: 'addition to api.md (EU)' })
  sophisticatedStatus!: SophisticatedStatus;
  @ApiProperty({ description: 'addition to api.md: bumped on every change' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(profile: InvestorProfile, now: Date): InvestorProfileDto {
    return {
      userId: profile.userId,
      displayName: profile.displayName,
      type: profile.type,
      country: profile.country,
      currency: profile.currency,
      annualIncome: profile.annualIncome,
      netWorth: profile.netWorth,
      financialAssets: profile.financialAssets,
      averageAnnualIncomeThreeYears: profile.averageAnnualIncomeThreeYears,
      selfCertifiedAccredited: profile.selfCertifiedAccredited,
      preferences: profile.preferences,
      discoverable: profile.discoverable,
      kycStatus: profile.kycStatus,
      knowledgeTest: knowledgeTestOf(profile, now),
      lossSimulationAcknowledgedAt: profile.lossSimulationAcknowledgedAt?.toISOString() ?? null,
      sophisticatedStatus: profile.sophisticatedStatus,
      version: profile.version,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
    };
  }
}

function knowledgeTestOf(profile: InvestorProfile, now: Date): KnowledgeTestStatusDto {
  const until = profile.knowledgeTestPassedUntil;
  return {
    status: until === null ? 'NOT_PASSED' : until.getTime() > now.getTime() ? 'PASSED' : 'EXPIRED',
    passedAt: profile.knowledgeTestPassedAt?.toISOString() ?? null,
    validUntil: until?.toISOString() ?? null,
  };
}
