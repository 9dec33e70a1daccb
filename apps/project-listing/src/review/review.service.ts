import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { checkIssuerCap } from '@crowdlink/compliance';
import { CampaignOutcome } from '@crowdlink/contracts';
import { Clock, CLOCK, Money } from '@crowdlink/domain';
import { LOGGER } from '@crowdlink/platform';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { ProjectEventsPublisher, ProjectStatusEvent } from '../projects/events/project-events.publisher';
import { assertOwner } from '../projects/project-access';
import { ProjectModifiedConcurrentlyException } from '../projects/project.exceptions';
import { Project } from '../projects/project.entity';
import { ProjectsRepository } from '../projects/projects.repository';
import { missingForReview } from './completeness';
import { ReviewDecision } from './dto/review-project.dto';
import { GoLiveQueue } from './jobs/go-live.queue';
import { nextStatus, ProjectAction } from './project-status.machine';
import { ProjectStatusChange } from './project-status-change.entity';
import { recordStatusChange } from './status-history';
import {
  IllegalTransitionException,
  IssuerCapExceededException,
  ProjectClosedException,
  ProjectIncompleteException,
} from './review.exceptions';

/** The event each transition announces; the others concern nobody outside this service. */
const EVENT_OF_ACTION: Partial<Record<ProjectAction, ProjectStatusEvent>> = {
  submit: 'project.submitted',
  approve: 'project.approved',
  go_live: 'project.live',
  withdraw: 'project.withdrawn',
};

const ACTION_OF_DECISION: Record<ReviewDecision, ProjectAction> = {
  approve: 'approve',
  request_changes: 'request_changes',
  reject: 'reject',
};

export type GoLiveOutcome = 'opened' | 'not-approved' | 'too-early';

/**
 * The review workflow: submit, the admin's decision, going live at opensAt, withdrawal.
 * Every status change is a conditional UPDATE on the status and version read, a line in
 * the history and (for most) an event, all in one transaction.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly events: ProjectEventsPublisher,
    private readonly goLiveQueue: GoLiveQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async submit(user: AuthenticatedUser, id: string): Promise<Project> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.get(id, manager);
      assertOwner(project, user);
      this.assertLegal(project, 'submit');
      const missing = missingForReview(project);
      if (missing.length > 0) throw new ProjectIncompleteException(missing);
      return this.transition(manager, project, 'submit', user.id, null);
    });
  }

  async decide(admin: AuthenticatedUser, id: string, decision: ReviewDecision, notes: string): Promise<Project> {
    const action = ACTION_OF_DECISION[decision];
    const project = await this.dataSource.transaction(async (manager) => {
      const project = await this.projects.get(id, manager);
      this.assertLegal(project, action);
      if (action === 'approve') await this.assertApprovable(manager, project);
      await this.transition(manager, project, action, admin.id, notes);
      if (action === 'approve' && project.opensAt.getTime() <= this.clock.now().getTime()) {
        await this.transition(manager, project, 'go_live', null, null);
      }
      return project;
    });
    if (project.status === 'APPROVED') await this.scheduleGoLive(project);
    return project;
  }

  async withdraw(user: AuthenticatedUser, id: string): Promise<Project> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.get(id, manager);
      assertOwner(project, user);
      this.assertLegal(project, 'withdraw');
      if (project.closesAt.getTime() <= this.clock.now().getTime()) throw new ProjectClosedException(project.closesAt);
      return this.transition(manager, project, 'withdraw', user.id, null);
    });
  }

  /** Opens an APPROVED project whose time has come. Safe to run twice: the second finds it LIVE. */
  async goLive(id: string): Promise<GoLiveOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.get(id, manager);
      if (project.status !== 'APPROVED') return 'not-approved';
      if (project.opensAt.getTime() > this.clock.now().getTime()) return 'too-early';
      try {
        await this.transition(manager, project, 'go_live', null, null);
        return 'opened';
      } catch (error) {
        // withdrawn (or opened by another worker) since our read: nothing left to do
        if (error instanceof ProjectModifiedConcurrentlyException) return 'not-approved';
        throw error;
      }
    });
  }

  /**
   * The pledge service's verdict at the close, applied in the caller's transaction. A
   * project that is no longer LIVE (withdrawn meanwhile, or already settled by an earlier
   * copy of the verdict) keeps its status.
   */
  async settle(manager: EntityManager, id: string, outcome: CampaignOutcome): Promise<void> {
    const project = await this.projects.get(id, manager);
    if (project.status !== 'LIVE') {
      this.logger.warn(
        { projectId: id, status: project.status, outcome },
        'campaign outcome for a project not LIVE; ignored',
      );
      return;
    }
    await this.transition(manager, project, outcome === 'FUNDED' ? 'fund' : 'fail', null, `campaign ${outcome}`);
  }

  async opensAtOf(id: string): Promise<Date> {
    return (await this.projects.get(id)).opensAt;
  }

  async approvedProjects(): Promise<{ id: string; opensAt: Date }[]> {
    return this.dataSource.manager.find(Project, {
      select: { id: true, opensAt: true },
      where: { status: 'APPROVED' },
    });
  }

  /** The history with the reviewers' notes is between the platform and the founder. */
  async historyFor(user: AuthenticatedUser, id: string): Promise<ProjectStatusChange[]> {
    const project = await this.projects.get(id);
    if (user.role !== 'admin') assertOwner(project, user);
    return this.dataSource.manager.find(ProjectStatusChange, { where: { projectId: id }, order: { id: 'ASC' } });
  }

  private assertLegal(project: Project, action: ProjectAction): void {
    if (nextStatus(project.status, action) === undefined) throw new IllegalTransitionException(project.status, action);
  }

  /**
   * Approval is refused when the offering has already closed, or when it would pass the
   * issuer cap of its jurisdiction (domain-rules.md §1).
   *
   * Reading of "raised by one company in any rolling 12 months": until the pledge service
   * reports what was actually raised, what a company may raise is bounded by the hard caps
   * (maxAmount) of its offerings. `used` is the sum of maxAmount over the company's other
   * APPROVED, LIVE and FUNDED projects of the same jurisdiction whose opensAt lies less than
   * 12 months before or after this project's opensAt (any 12-month window holding both
   * openings could hold both raises). The cap is the one in force on this project's opensAt.
   * The company's row is locked so that two approvals of its projects cannot both slip
   * under the cap.
   */
  private async assertApprovable(manager: EntityManager, project: Project): Promise<void> {
    if (project.closesAt.getTime() <= this.clock.now().getTime()) throw new ProjectClosedException(project.closesAt);
    await manager.query(`SELECT id FROM companies WHERE id = $1 FOR UPDATE`, [project.companyId]);
    const [{ used }] = (await manager.query(
      `SELECT COALESCE(sum(max_amount), 0)::text AS used
         FROM projects
        WHERE company_id = $1 AND jurisdiction = $2 AND id <> $3
          AND status IN ('APPROVED', 'LIVE', 'FUNDED')
          AND opens_at > $4::timestamptz - interval '12 months'
          AND opens_at < $4::timestamptz + interval '12 months'`,
      [project.companyId, project.jurisdiction, project.id, project.opensAt.toISOString()],
    )) as { used: string }[];
    const check = checkIssuerCap(
      project.jurisdiction,
      project.opensAt,
      Money.of(BigInt(used), project.currency),
      Money.of(project.maxAmount, project.currency),
    );
    if (!check.allowed && check.cap) {
      throw new IssuerCapExceededException({
        jurisdiction: project.jurisdiction,
        currency: project.currency,
        cap: check.cap.toJSON().amount,
        used: check.used.toJSON().amount,
        requested: check.requested.toJSON().amount,
      });
    }
  }

  /** Moves the project (in place) and records the move; refuses if anyone moved it since our read. */
  private async transition(
    manager: EntityManager,
    project: Project,
    action: ProjectAction,
    actorId: string | null,
    notes: string | null,
  ): Promise<Project> {
    const from = project.status;
    const to = nextStatus(from, action);
    if (to === undefined) throw new IllegalTransitionException(from, action);
    const rows = (await manager.query(
      `UPDATE projects SET status = $1, version = version + 1, updated_at = now()
        WHERE id = $2 AND status = $3 AND version = $4
        RETURNING version, updated_at`,
      [to, project.id, from, project.version],
    )) as [{ version: number; updated_at: Date }[], number];
    const [updated] = rows[0];
    if (!updated) throw new ProjectModifiedConcurrentlyException();
    Object.assign(project, { status: to, version: updated.version, updatedAt: updated.updated_at });

    await recordStatusChange(manager, {
      projectId: project.id,
      projectVersion: project.version,
      actorId,
      action,
      fromStatus: from,
      toStatus: to,
      notes,
    });
    const event = EVENT_OF_ACTION[action];
    if (event) await this.events.statusChanged(manager, event, project);
    return project;
  }

  private async scheduleGoLive(project: Project): Promise<void> {
    try {
      await this.goLiveQueue.schedule(project.id, project.opensAt);
    } catch (error) {
      // the approval is committed; the worker reschedules every APPROVED project on start
      this.logger.error(
        { projectId: project.id, reason: error instanceof Error ? error.message : String(error) },
        'could not schedule go-live',
      );
    }
  }
}
