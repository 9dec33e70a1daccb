import { Jurisdiction } from '@crowdlink/compliance';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProjectAmendment } from '../amendments/project-amendment.entity';
import { Company } from '../companies/company.entity';
import { IpAsset } from './ip-asset.entity';
import { FundingModel, ProjectKind, ProjectStage, ProjectStatus } from './project.model';
import { ProjectReward } from './project-reward.entity';
import { MONEY_COLUMN } from '@crowdlink/platform';

/**
 * A fundraising project of a company. `version` grows by one with every change and is the
 * aggregate version of the project's events. Status changes go through the review state
 * machine, never through save().
 */
@Entity({ name: 'projects' })
export class Project {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'company_id' })
  companyId!: string;

  /** Loaded by ProjectsRepository: the snapshot in project events carries its payout account. */
  @ManyToOne(() => Company)
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('integer')
  version!: number;

  @Column('text')
  status!: ProjectStatus;

  @Column('text')
  kind!: ProjectKind;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  description!: string;

  @Column('text')
  sector!: string;

  @Column('text')
  stage!: ProjectStage;

  @Column('text')
  region!: string;

  @Column('text')
  jurisdiction!: Jurisdiction;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('bigint', { name: 'target_amount', transformer: MONEY_COLUMN })
  targetAmount!: number;

  @Column('bigint', { name: 'max_amount', transformer: MONEY_COLUMN })
  maxAmount!: number;

  @Column('bigint', { name: 'min_pledge', transformer: MONEY_COLUMN })
  minPledge!: number;

  @Column('timestamptz', { name: 'opens_at' })
  opensAt!: Date;

  @Column('timestamptz', { name: 'closes_at' })
  closesAt!: Date;

  @Column('text', { name: 'funding_model' })
  fundingModel!: FundingModel;

  @Column('bigint', { name: 'price_per_share', nullable: true, transformer: MONEY_COLUMN })
  pricePerShare!: number | null;

  @Column('bigint', { name: 'pre_money_valuation', nullable: true, transformer: MONEY_COLUMN })
  preMoneyValuation!: number | null;

  @Column('text', { name: 'share_class', nullable: true })
  shareClass!: string | null;

  @Column('text', { nullable: true })
  risks!: string | null;

  @Column('text', { name: 'use_of_funds', nullable: true })
  useOfFunds!: string | null;

  @Column('text', { name: 'financial_summary', nullable: true })
  financialSummary!: string | null;

  /** Kept by pledge events (none yet): committed money and pledges. */
  @Column('bigint', { transformer: MONEY_COLUMN })
  raised!: number;

  @Column('integer', { name: 'pledge_count' })
  pledgeCount!: number;

  /**
   * What the project is found by (tsvector input text of shared/search-text.ts), written
   * with every change of title, summary or description; never read back.
   */
  @Column('tsvector', { name: 'search_vector', select: false })
  searchVector?: string;

  @OneToMany(() => ProjectReward, (reward) => reward.project)
  rewards!: ProjectReward[];

  @OneToMany(() => IpAsset, (asset) => asset.project)
  ipAssets!: IpAsset[];

  /** Material changes made while LIVE, oldest first. */
  @OneToMany(() => ProjectAmendment, (amendment) => amendment.project)
  amendments!: ProjectAmendment[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The equity terms, when all three are set (the schema allows them only on EQUITY). */
  equityTerms(): EquityTerms | null {
    if (this.pricePerShare === null || this.preMoneyValuation === null || this.shareClass === null) return null;
    return {
      pricePerShare: this.pricePerShare,
      preMoneyValuation: this.preMoneyValuation,
      shareClass: this.shareClass,
    };
  }
}

export interface EquityTerms {
  pricePerShare: number;
  preMoneyValuation: number;
  shareClass: string;
}
