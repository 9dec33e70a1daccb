import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Project } from './project.entity';
import { MONEY_COLUMN } from '@crowdlink/platform';

/** A reward tier of a REWARD project; pledges name it by id. */
@Entity({ name: 'project_rewards' })
export class ProjectReward {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project, (project) => project.rewards, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** Order in which the founder listed it. */
  @Column('integer')
  position!: number;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('bigint', { transformer: MONEY_COLUMN })
  amount!: number;

  @Column('integer', { nullable: true })
  quantity!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
