import { AuthenticatedUser } from '@crowdlink/auth';
import { NotProjectOwnerException, ProjectNotFoundException } from './project.exceptions';
import { Project } from './project.entity';
import { PUBLIC_STATUSES } from './project.model';

/** Approved projects are public without an account; before that only the owner and admins see them. */
export function canSee(project: Project, user: AuthenticatedUser | undefined): boolean {
  if (PUBLIC_STATUSES.includes(project.status)) return true;
  return user !== undefined && (user.role === 'admin' || user.id === project.ownerId);
}

export function assertVisible(project: Project, user: AuthenticatedUser | undefined): void {
  if (!canSee(project, user)) throw new ProjectNotFoundException();
}

/** A project the caller cannot see is missing (404); one they see but do not own is forbidden (403). */
export function assertOwner(project: Project, user: AuthenticatedUser): void {
  assertVisible(project, user);
  if (project.ownerId !== user.id) throw new NotProjectOwnerException();
}
