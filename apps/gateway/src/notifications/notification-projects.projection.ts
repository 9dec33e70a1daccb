import { CampaignOutcome, ProjectSnapshotV1 } from '@crowdlink/contracts';
import { EntityManager } from 'typeorm';

/** What notifications need of a project: whom to tell, what to call it, its deadline. */
export interface NotificationProject {
  projectId: string;
  ownerId: string;
  title: string;
  jurisdiction: ProjectSnapshotV1['jurisdiction'];
  currency: string;
  closesAt: Date;
  /** Set once campaign.closed was handled. */
  closed: { eventId: string; outcome: CampaignOutcome; raised: number; currency: string } | null;
}

/**
 * Keeps the gateway's copy of a project from any project event. Every event carries the
 * whole snapshot, so one older than the version held changes nothing.
 */
export async function applyProjectSnapshot(manager: EntityManager, project: ProjectSnapshotV1): Promise<void> {
  await manager.query(
    `INSERT INTO notification_projects (project_id, project_version, owner_id, title, status, jurisdiction, currency,
                                        closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (project_id) DO UPDATE
       SET project_version = EXCLUDED.project_version, owner_id = EXCLUDED.owner_id, title = EXCLUDED.title,
           status = EXCLUDED.status, jurisdiction = EXCLUDED.jurisdiction, currency = EXCLUDED.currency,
           closes_at = EXCLUDED.closes_at, updated_at = now()
       WHERE notification_projects.project_version < EXCLUDED.project_version`,
    [
      project.projectId,
      project.projectVersion,
      project.ownerId,
      project.title,
      project.status,
      project.jurisdiction,
      project.currency,
      project.closesAt,
    ],
  );
}

/** The project as the gateway knows it, or undefined for one it has not heard of yet. */
export async function projectOf(manager: EntityManager, projectId: string): Promise<NotificationProject | undefined> {
  return (await loadProjects(manager, [projectId])).get(projectId);
}

/**
 * The project as the gateway knows it; throws ProjectNotYetKnownError if it is not known yet.
 * `forUpdate` locks it for the rest of the transaction: campaign.closed and a late
 * pledge.committed of the same project then take turns, so neither misses the other.
 */
export async function knownProjectOf(
  manager: EntityManager,
  projectId: string,
  options: { forUpdate?: boolean } = {},
): Promise<NotificationProject> {
  return (await projectsOf(manager, [projectId], options)).get(projectId)!;
}

/**
 * Several projects, as knownProjectOf, locked in id order so that two transactions never wait
 * for each other in a circle. Throws ProjectNotYetKnownError if one is not known yet.
 */
export async function projectsOf(
  manager: EntityManager,
  projectIds: string[],
  options: { forUpdate?: boolean } = {},
): Promise<Map<string, NotificationProject>> {
  const projects = await loadProjects(manager, projectIds, options);
  const unknown = projectIds.find((projectId) => !projects.has(projectId));
  if (unknown) throw new ProjectNotYetKnownError(unknown);
  return projects;
}

async function loadProjects(
  manager: EntityManager,
  projectIds: string[],
  { forUpdate = false } = {},
): Promise<Map<string, NotificationProject>> {
  const rows = (await manager.query(
    `SELECT project_id, owner_id, title, jurisdiction, currency, closes_at, closed_event_id, outcome,
            raised::text AS raised, raised_currency
       FROM notification_projects WHERE project_id = ANY($1::uuid[])
      ORDER BY project_id ${forUpdate ? 'FOR UPDATE' : ''}`,
    [[...new Set(projectIds)]],
  )) as {
    project_id: string;
    owner_id: string;
    title: string;
    jurisdiction: NotificationProject['jurisdiction'];
    currency: string;
    closes_at: Date;
    closed_event_id: string | null;
    outcome: CampaignOutcome | null;
    raised: string | null;
    raised_currency: string | null;
  }[];
  return new Map(
    rows.map((row) => [
      row.project_id,
      {
        projectId: row.project_id,
        ownerId: row.owner_id,
        title: row.title,
        jurisdiction: row.jurisdiction,
        currency: row.currency,
        closesAt: row.closes_at,
        closed:
          row.closed_event_id && row.outcome && row.raised !== null && row.raised_currency
            ? {
                eventId: row.closed_event_id,
                outcome: row.outcome,
                raised: Number(row.raised),
                currency: row.raised_currency,
              }
            : null,
      },
    ]),
  );
}

/** Remembers how the campaign ended; the first close wins. */
export async function recordClose(
  manager: EntityManager,
  projectId: string,
  closed: NonNullable<NotificationProject['closed']>,
): Promise<void> {
  await manager.query(
    `UPDATE notification_projects
        SET closed_event_id = $2, outcome = $3, raised = $4, raised_currency = $5, updated_at = now()
      WHERE project_id = $1 AND closed_event_id IS NULL`,
    [projectId, closed.eventId, closed.outcome, closed.raised, closed.currency],
  );
}

/**
 * An event about a project the gateway has not heard of yet (its project events travel
 * another way): the handler throws it, and the inbox retries the event with backoff.
 */
export class ProjectNotYetKnownError extends Error {
  constructor(projectId: string) {
    super(`Project ${projectId} is not in the gateway's projection yet`);
  }
}
