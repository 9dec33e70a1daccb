import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { projectOf } from '../notification-projects.projection';
import { complaintResolved } from '../notification-texts';
import { notify } from '../notification.writer';

/** Tells the investor who complained what the admin decided. */
@Injectable()
@HandlesEvent('complaint.resolved')
export class ComplaintResolvedHandler implements EventHandler<'complaint.resolved'> {
  async handle(event: Event<'complaint.resolved'>, manager: EntityManager): Promise<void> {
    const { complaintId, projectId, complainantId, resolution } = event.payload;
    // the title only decorates the text: a project not (yet) known is no reason to wait
    const project = await projectOf(manager, projectId);
    await notify(
      manager,
      event.id,
      [complainantId],
      complaintResolved({ complaintId, projectId, projectTitle: project?.title, resolution }),
    );
  }
}
