import { UserRole } from '@crowdlink/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text')
  role!: UserRole;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  /** Bumped on every change; carried by user events so consumers can ignore stale ones. */
  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
