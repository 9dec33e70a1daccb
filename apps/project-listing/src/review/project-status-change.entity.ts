import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProjectStatus } from '../projects/project.model';

/** One line of a project's review history: who moved it, when, from where to where, and why. */
@Entity({ name: 'project_status_history' })
export class ProjectStatusChange {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  /** The project's version after this change. */
  @Column('integer', { name: 'project_version' })
  projectVersion!: number;

  /** null when the platform itself moved it (going live at opensAt). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { name: 'from_status' })
  fromStatus!: ProjectStatus;

  @Column('text', { name: 'to_status' })
  toStatus!: ProjectStatus;

  @Column('text', { nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
