import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { backersOf } from '../notification-pledges.projection';
import { projectOf, ProjectNotYetKnownError, recordClose } from '../notification-projects.projection';
import { campaignClosed } from '../notification-texts';
import { notify } from '../notification.writer';

/**
 * Tells the founder and every investor still backing the project how the campaign ended,
 * and remembers the outcome for a backer whose pledge event is handled after this one.
 */
@Injectable()
@HandlesEvent('campaign.closed')
export class CampaignClosedHandler implements EventHandler<'campaign.closed'> {
  async handle(event: Event<'campaign.closed'>, manager: EntityManager): Promise<void> {
    const { projectId, outcome, raised, currency } = event.payload;
    const project = await projectOf(manager, projectId, { forUpdate: true });
    if (!project) throw new ProjectNotYetKnownError(projectId);
    await recordClose(manager, projectId, { eventId: event.id, outcome, raised, currency });
    const figures = { projectId, projectTitle: project.title, outcome, raised, currency };
    await notify(manager, event.id, [project.ownerId], campaignClosed({ ...figures, audience: 'owner' }));
    const backers = (await backersOf(manager, projectId)).filter((id) => id !== project.ownerId);
    await notify(manager, event.id, backers, campaignClosed({ ...figures, audience: 'backer' }));
  }
}
