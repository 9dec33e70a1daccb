import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type KycStatus = 'NOT_SUBMITTED' | 'PENDING' | 'VERIFIED' | 'REJECTED';

/**
 * An investor's record. It exists from the moment the gateway's user.registered arrives,
 * empty until the investor fills it in.
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

  @Column('text', { name: 'kyc_status', default: 'NOT_SUBMITTED' })
  kycStatus!: KycStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
