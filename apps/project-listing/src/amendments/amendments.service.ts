import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { addBusinessDays } from '@crowdlink/compliance';
import { Clock, CLOCK, newId } from '@crowdlink/domain';
import { PLATFORM_CONFIG, PlatformConfig } from '@crowdlink/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ProjectEventsPublisher } from '../projects/events/project-events.publisher';
import { assertOwner } from '../projects/project-access';
import { ProjectModifiedConcurrentlyException, ProjectTermsInvalidException } from '../projects/project.exceptions';
import { Project } from '../projects/project.entity';
import { assertConsistentTerms } from '../projects/project-terms';
import { ProjectsRepository } from '../projects/projects.repository';
import { termsOf } from '../projects/projects.service';
import { recordStatusChange } from '../review/status-history';
import { ProjectClosedException } from '../review/review.exceptions';
import {
  NoMaterialChangeException,
  ProjectNotLiveException,
  ReconfirmationWindowTooShortException,
} from './amendment.exceptions';
import { AmendProjectDto } from './dto/amend-project.dto';
import { materialChanges, MaterialTerms, RequestedTerms } from './material-changes';
import { ProjectAmendment, TermChange } from './project-amendment.entity';

/**
 * Material changes to a LIVE offering (17 CFR 227.304(c)), a separate and explicit act: PATCH
 * stays for drafts. The change, its record, a line in the project's history and the
 * `project.amended` event (on which the pledge service asks every committed investor to
 * reconfirm) commit together, conditional on the version read.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly events: ProjectEventsPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async amend(user: AuthenticatedUser, id: string, input: AmendProjectDto): Promise<Project> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.get(id, manager);
      assertOwner(project, user);
      if (project.status !== 'LIVE') throw new ProjectNotLiveException(project.status);
      const now = this.clock.now();
      if (project.closesAt.getTime() <= now.getTime()) throw new ProjectClosedException(project.closesAt);
      if (input.equity !== undefined && project.kind !== 'EQUITY') {
        throw new ProjectTermsInvalidException('EQUITY_TERMS_NOT_ALLOWED', 'Only EQUITY projects have equity terms');
      }

      const requested = requestedTermsOf(input);
      const changes = materialChanges(project, requested);
      if (changes.length === 0) throw new NoMaterialChangeException();
      const next: MaterialTerms = { ...materialTermsOf(project), ...requested };
      assertConsistentTerms(termsOf(Object.assign(new Project(), project, next)));
      const reconfirmBy = addBusinessDays(now, this.config.RECONFIRMATION_BUSINESS_DAYS, project.jurisdiction);
      if (next.closesAt.getTime() < reconfirmBy.getTime()) {
        throw new ReconfirmationWindowTooShortException(next.closesAt, reconfirmBy);
      }

      const version = await this.write(manager, project, next);
      await this.record(manager, {
        project,
        version,
        actorId: user.id,
        changes,
        reason: input.reason,
        now,
        reconfirmBy,
      });
      const amended = await this.projects.get(id, manager);
      await this.events.amended(manager, amended, {
        changedTerms: changes.map((change) => change.term),
        reason: input.reason,
        amendedAt: now,
      });
      return amended;
    });
  }

  /** The new terms, only over the version and status read: a concurrent change or close refuses this one. */
  private async write(manager: EntityManager, project: Project, next: MaterialTerms): Promise<number> {
    const [rows] = (await manager.query(
      `UPDATE projects
          SET closes_at = $3, target_amount = $4, price_per_share = $5, pre_money_valuation = $6,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = 'LIVE'
        RETURNING version`,
      [
        project.id,
        project.version,
        next.closesAt.toISOString(),
        next.targetAmount,
        next.pricePerShare,
        next.preMoneyValuation,
      ],
    )) as [{ version: number }[], number];
    if (!rows[0]) throw new ProjectModifiedConcurrentlyException();
    return rows[0].version;
  }

  private async record(
    manager: EntityManager,
    amendment: {
      project: Project;
      version: number;
      actorId: string;
      changes: TermChange[];
      reason: string;
      now: Date;
      reconfirmBy: Date;
    },
  ): Promise<void> {
    const { project, version, actorId, changes, reason, now, reconfirmBy } = amendment;
    await manager.insert(ProjectAmendment, {
      id: newId(),
      projectId: project.id,
      projectVersion: version,
      actorId,
      changes,
      reason,
      amendedAt: now,
      reconfirmBy,
    });
    await recordStatusChange(manager, {
      projectId: project.id,
      projectVersion: version,
      actorId,
      action: 'amend',
      fromStatus: project.status,
      toStatus: project.status,
      notes: reason,
    });
  }
}

function materialTermsOf(project: Project): MaterialTerms {
  const { closesAt, targetAmount, pricePerShare, preMoneyValuation } = project;
  return { closesAt, targetAmount, pricePerShare, preMoneyValuation };
}

function requestedTermsOf(input: AmendProjectDto): RequestedTerms {
  const requested: RequestedTerms = {};
  if (input.closesAt !== undefined) requested.closesAt = new Date(input.closesAt);
  if (input.targetAmount !== undefined) requested.targetAmount = input.targetAmount;
  if (input.equity?.pricePerShare !== undefined) requested.pricePerShare = input.equity.pricePerShare;
  if (input.equity?.preMoneyValuation !== undefined) requested.preMoneyValuation = input.equity.preMoneyValuation;
  return requested;
}
