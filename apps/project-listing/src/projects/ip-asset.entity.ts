import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { IpAssetType } from './project.model';
import { Project } from './project.entity';

/** A patent, trademark or copyright the company declares with a project: possible loan collateral. */
@Entity({ name: 'ip_assets' })
export class IpAsset {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  @ManyToOne(() => Project, (project) => project.ipAssets, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column('integer')
  position!: number;

  @Column('text')
  type!: IpAssetType;

  @Column('text', { name: 'registry_number' })
  registryNumber!: string;

  @Column('text')
  title!: string;

  /** The rights holder as registered (may differ from the company's name). */
  @Column('text')
  owner!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
