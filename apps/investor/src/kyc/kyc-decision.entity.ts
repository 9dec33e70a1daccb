import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { KycStatus } from '../investors/investor-profile.entity';
import { KycAction } from './kyc-status.machine';

/** One line of an investor's KYC history: who moved it, when, from where to where, and why. */
@Entity({ name: 'kyc_decisions' })
export class KycDecision {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  /** The investor (submitting the profile) or the admin (deciding). */
  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  action!: KycAction;

  @Column('text', { name: 'from_status' })
  fromStatus!: KycStatus;

  @Column('text', { name: 'to_status' })
  toStatus!: KycStatus;

  @Column('text', { nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
