import { newId } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { ProjectStatusChange } from './project-status-change.entity';

export type NewStatusChange = Omit<ProjectStatusChange, 'id' | 'createdAt' | 'updatedAt'>;

/** Appends a line to a project's history, in the caller's transaction (the change it records). */
export async function recordStatusChange(manager: EntityManager, change: NewStatusChange): Promise<void> {
  await manager.insert(ProjectStatusChange, { id: newId(), ...change });
}
