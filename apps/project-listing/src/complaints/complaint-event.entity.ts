import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ComplaintAction = 'FILED' | 'RESOLVED';

/** The kept history of a complaint: who did what to it, and when. */
@Entity({ name: 'complaint_events' })
export class ComplaintEvent {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  action!: ComplaintAction;

  @Column('text', { nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
