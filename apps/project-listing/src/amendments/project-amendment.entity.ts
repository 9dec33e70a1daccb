import { MaterialTerm } from '@crowdlink/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Project } from '../projects/project.entity';

/** One term an amendment changed: money in minor units, closesAt as an ISO 8601 string. */
export interface TermChange {
  term: MaterialTerm;
  from: number | string | null;
  to: number | string;
}

/** A material change to a LIVE project, as the founder made it. Never updated. */
@Entity({ name: 'project_amendments' })
export class ProjectAmendment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project, (project) => project.amendments)
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** The project's version after the change. */
  @Column('integer', { name: 'project_version' })
  projectVersion!: number;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('jsonb')
  changes!: TermChange[];

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'amended_at' })
  amendedAt!: Date;

  /** Until when committed investors may reconfirm (the pledge service decides from the same rule). */
  @Column('timestamptz', { name: 'reconfirm_by' })
  reconfirmBy!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
