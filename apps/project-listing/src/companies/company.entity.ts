import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A startup that raises money through projects. Owned by the founder who registered it. */
@Entity({ name: 'companies' })
export class Company {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'registration_number' })
  registrationNumber!: string;

  @Column('text')
  sector!: string;

  @Column('text')
  region!: string;

  @Column('text')
  description!: string;

  /** The Stripe Connect account (acct_…) a funded campaign pays out to; null until given. */
  @Column('text', { name: 'payout_account_id', nullable: true })
  payoutAccountId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
