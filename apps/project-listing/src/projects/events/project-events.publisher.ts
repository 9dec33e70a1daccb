import { Injectable } from '@nestjs/common';
import { MaterialTerm, ProjectSnapshotV1 } from '@crowdlink/contracts';
import { OutboxPublisher } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { IpAsset } from '../ip-asset.entity';
import { Project } from '../project.entity';

/** The project status changes that are announced, by the event type that announces them. */
export type ProjectStatusEvent = 'project.submitted' | 'project.approved' | 'project.live' | 'project.withdrawn';

/**
 * Puts project events in the outbox, in the caller's transaction. The aggregate version is
 * the project's version after the change.
 */
@Injectable()
export class ProjectEventsPublisher {
  constructor(private readonly outbox: OutboxPublisher) {}

  async statusChanged(manager: EntityManager, type: ProjectStatusEvent, project: Project): Promise<void> {
    await this.outbox.publish(manager, type, {
      aggregateId: project.id,
      aggregateVersion: project.version,
      payload: snapshotOf(project),
    });
  }

  async termsChanged(manager: EntityManager, project: Project): Promise<void> {
    await this.outbox.publish(manager, 'project.terms-changed', {
      aggregateId: project.id,
      aggregateVersion: project.version,
      payload: snapshotOf(project),
    });
  }

  /** A material change to a LIVE project: every committed investor is asked to reconfirm. */
  async amended(
    manager: EntityManager,
    project: Project,
    amendment: { changedTerms: MaterialTerm[]; reason: string; amendedAt: Date },
  ): Promise<void> {
    await this.outbox.publish(manager, 'project.amended', {
      aggregateId: project.id,
      aggregateVersion: project.version,
      payload: {
        ...snapshotOf(project),
        changedTerms: amendment.changedTerms,
        reason: amendment.reason,
        amendedAt: amendment.amendedAt.toISOString(),
      },
    });
  }

  async ipAssetDeclared(manager: EntityManager, project: Project, asset: IpAsset): Promise<void> {
    await this.outbox.publish(manager, 'ip-asset.declared', {
      aggregateId: asset.id,
      aggregateVersion: 1,
      payload: {
        ipAssetId: asset.id,
        projectId: project.id,
        companyId: project.companyId,
        founderId: project.ownerId,
        type: asset.type,
        registryNumber: asset.registryNumber,
        title: asset.title,
        owner: asset.owner,
      },
    });
  }
}

export function snapshotOf(project: Project): ProjectSnapshotV1 {
  return {
    projectId: project.id,
    companyId: project.companyId,
    ownerId: project.ownerId,
    projectVersion: project.version,
    status: project.status,
    kind: project.kind,
    title: project.title,
    sector: project.sector,
    stage: project.stage,
    region: project.region,
    jurisdiction: project.jurisdiction,
    currency: project.currency,
    targetAmount: project.targetAmount,
    maxAmount: project.maxAmount,
    minPledge: project.minPledge,
    opensAt: project.opensAt.toISOString(),
    closesAt: project.closesAt.toISOString(),
    fundingModel: project.fundingModel,
    equity: project.equityTerms(),
    rewards: [...project.rewards]
      .sort((a, b) => a.position - b.position)
      .map((reward) => ({ rewardId: reward.id, amount: reward.amount, quantity: reward.quantity })),
    payoutAccountId: project.company?.payoutAccountId ?? null,
  };
}
