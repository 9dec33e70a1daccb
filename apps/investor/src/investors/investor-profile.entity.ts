import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MONEY_COLUMN } from '@crowdlink/platform';

export const KYC_STATUSES = ['NOT_SUBMITTED', 'PENDING', 'VERIFIED', 'REJECTED'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export const INVESTOR_TYPES = ['INDIVIDUAL', 'INSTITUTION'] as const;
export type InvestorType = (typeof INVESTOR_TYPES)[number];

export const SOPHISTICATED_STATUSES = ['NONE', 'REQUESTED', 'APPROVED', 'REJECTED'] as const;
export type SophisticatedStatus = (typeof SOPHISTICATED_STATUSES)[number];

export interface InvestmentPreferences {
  sectors: string[];
  stages: string[];
  regions: string[];
  kinds: string[];
  /** Minor units of the profile's currency. */
  ticketMin: number;
  ticketMax: number;
}

/**
 * An investor's record. It exists from the moment the gateway's user.registered arrives,
 * empty until the investor fills it in. Every money figure is in minor units of `currency`.
 */
@Entity({ name: 'investor_profiles' })
export class InvestorProfile {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** The version of the gateway's user that display_name came from: older events are ignored. */
  @Column('integer', { name: 'user_version' })
  userVersion!: number;

  /** This profile's own version, bumped on every change the investor or an admin makes. */
  @Column('integer')
  version!: number;

  @Column('text', { name: 'kyc_status', default: 'NOT_SUBMITTED' })
  kycStatus!: KycStatus;

  @Column('text', { nullable: true })
  type!: InvestorType | null;

  @Column('char', { length: 2, nullable: true })
  country!: string | null;

  @Column('char', { length: 3, nullable: true })
  currency!: string | null;

  @Column('bigint', { name: 'annual_income', nullable: true, transformer: MONEY_COLUMN })
  annualIncome!: number | null;

  @Column('bigint', { name: 'net_worth', nullable: true, transformer: MONEY_COLUMN })
  netWorth!: number | null;

  @Column('bigint', { name: 'financial_assets', nullable: true, transformer: MONEY_COLUMN })
  financialAssets!: number | null;

  @Column('bigint', { name: 'average_annual_income_three_years', nullable: true, transformer: MONEY_COLUMN })
  averageAnnualIncomeThreeYears!: number | null;

  @Column('boolean', { name: 'self_certified_accredited', default: false })
  selfCertifiedAccredited!: boolean;

  @Column('jsonb', { nullable: true })
  preferences!: InvestmentPreferences | null;

  @Column('boolean', { default: false })
  discoverable!: boolean;

  /** When the investor first completed the profile (PUT); null until then. */
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { name: 'knowledge_test_passed_at', nullable: true })
  knowledgeTestPassedAt!: Date | null;

  @Column('timestamptz', { name: 'knowledge_test_passed_until', nullable: true })
  knowledgeTestPassedUntil!: Date | null;

  @Column('timestamptz', { name: 'loss_simulation_acknowledged_at', nullable: true })
  lossSimulationAcknowledgedAt!: Date | null;

  @Column('text', { name: 'sophisticated_status', default: 'NONE' })
  sophisticatedStatus!: SophisticatedStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
