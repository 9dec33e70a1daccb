import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { cancellationDeadline } from '@crowdlink/compliance';
import { BatchEventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyPledges } from '../notification-pledges.projection';
import { NotificationProject, projectsOf } from '../notification-projects.projection';
import { campaignClosed, pledgeConfirmed } from '../notification-texts';
import { Announcement, notifyAll } from '../notification.writer';

/**
 * Records the backer, and tells the investor the pledge stands and until when it may be
 * cancelled. A run of pledges (a popular campaign) is handled in three statements: lock the
 * projects, record the backers, write the notifications.
 */
@Injectable()
@HandlesEvent('pledge.committed')
export class PledgeCommittedHandler implements BatchEventHandler<'pledge.committed'> {
  async handleAll(events: Event<'pledge.committed'>[], manager: EntityManager): Promise<void> {
    // the projects first: campaign.closed locks its project too, so the two take turns (see projectsOf)
    const projects = await projectsOf(
      manager,
      events.map((event) => event.payload.projectId),
      { forUpdate: true },
    );
    const statuses = await applyPledges(
      manager,
      events.map((event) => ({ pledge: event.payload, status: 'COMMITTED', pledgeVersion: event.aggregateVersion })),
    );
    const announcements: Announcement[] = [];
    for (const event of events) {
      const pledge = event.payload;
      const project = projects.get(pledge.projectId)!;
      // cancelled already (its cancellation arrived first): a confirmation now would mislead
      if (statuses.get(pledge.pledgeId) !== 'COMMITTED') continue;
      announcements.push({
        sourceEventId: event.id,
        userIds: [pledge.investorId],
        notification: pledgeConfirmed({
          pledgeId: pledge.pledgeId,
          projectId: pledge.projectId,
          projectTitle: project.title,
          amount: pledge.amount,
          currency: pledge.currency,
          cancellableUntil: deadlineOf(pledge, project),
        }),
      });
      // the campaign closed before this pledge's event was handled: the backer hears the outcome
      // under the close's event id, so it is still one notification per close and user
      if (project.closed && pledge.investorId !== project.ownerId) {
        const { eventId, outcome, raised, currency } = project.closed;
        announcements.push({
          sourceEventId: eventId,
          userIds: [pledge.investorId],
          notification: campaignClosed({
            projectId: project.projectId,
            projectTitle: project.title,
            outcome,
            raised,
            currency,
            audience: 'backer',
          }),
        });
      }
    }
    await notifyAll(manager, announcements);
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
