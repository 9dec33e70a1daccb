import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent, OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../matchable-project.projection';
import { MatchingRepository } from '../matching.repository';
import { MatchingService } from '../matching.service';

/**
 * A project opened: keep it for matching, and tell its best-matching investors, with one
 * investor.matches-found in the same transaction (so a redelivered project.live, which the
 * inbox drops, or a stale one, which the projection ignores, tells no one twice).
 */
@Injectable()
@HandlesEvent('project.live')
export class ProjectLiveHandler implements EventHandler<'project.live'> {
  constructor(
    private readonly repository: MatchingRepository,
    private readonly matching: MatchingService,
    private readonly outbox: OutboxPublisher,
  ) {}

  async handle(event: Event<'project.live'>, manager: EntityManager): Promise<void> {
    const snapshot = event.payload;
    if (!(await applyProjectSnapshot(manager, snapshot))) return;
    const project = await this.repository.project(snapshot.projectId, manager);
    if (!project || project.status !== 'LIVE' || project.campaignClosed) return;
    const investorIds = await this.matching.investorsToNotify(project, manager);
    if (investorIds.length === 0) return;
    await this.outbox.publish(manager, 'investor.matches-found', {
      aggregateId: snapshot.projectId,
      aggregateVersion: snapshot.projectVersion,
      payload: { projectId: snapshot.projectId, projectTitle: snapshot.title.slice(0, 200), investorIds },
    });
  }
}
