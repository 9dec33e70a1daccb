import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { cancellationDeadline } from '@crowdlink/compliance';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledge } from '../notification-pledges.projection';
import { NotificationProject, projectOf, ProjectNotYetKnownError } from '../notification-projects.projection';
import { campaignClosed, pledgeConfirmed } from '../notification-texts';
import { notify } from '../notification.writer';

/** Records the backer, and tells the investor the pledge stands and until when it may be cancelled. */
@Injectable()
@HandlesEvent('pledge.committed')
export class PledgeCommittedHandler implements EventHandler<'pledge.committed'> {
  async handle(event: Event<'pledge.committed'>, manager: EntityManager): Promise<void> {
    const pledge = event.payload;
    // the project first: campaign.closed locks it too, so the two take turns (see projectOf)
    const project = await projectOf(manager, pledge.projectId, { forUpdate: true });
    if (!project) throw new ProjectNotYetKnownError(pledge.projectId);
    const status = await applyPledge(manager, pledge, 'COMMITTED', event.aggregateVersion);
    // cancelled already (its cancellation arrived first): a confirmation now would mislead
    if (status !== 'COMMITTED') return;
    await notify(
      manager,
      event.id,
      [pledge.investorId],
      pledgeConfirmed({
        pledgeId: pledge.pledgeId,
        projectId: pledge.projectId,
        projectTitle: project.title,
        amount: pledge.amount,
        currency: pledge.currency,
        cancellableUntil: deadlineOf(pledge, project),
      }),
    );
    // the campaign closed before this pledge's event was handled: the backer hears the outcome
    // under the close's event id, so it is still one notification per close and user
    if (project.closed && pledge.investorId !== project.ownerId) {
      const { eventId, outcome, raised, currency } = project.closed;
      await notify(
        manager,
        eventId,
        [pledge.investorId],
        campaignClosed({
          projectId: project.projectId,
          projectTitle: project.title,
          outcome,
          raised,
          currency,
          audience: 'backer',
        }),
      );
    }
  }
}

/**
 * The pledge service's own deadline when it sends one (it knows whether an EU investor is
 * sophisticated); else the same library rule it applies, for a non-sophisticated investor.
 */
function deadlineOf(pledge: Event<'pledge.committed'>['payload'], project: NotificationProject): Date | null {
  if (pledge.cancellableUntil !== undefined) {
    return pledge.cancellableUntil === null ? null : new Date(pledge.cancellableUntil);
  }
  return cancellationDeadline(pledge.jurisdiction, {
    pledgedAt: new Date(pledge.committedAt),
    closesAt: project.closesAt,
    sophisticated: false,
  });
}
