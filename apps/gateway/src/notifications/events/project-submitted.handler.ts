import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../notification-projects.projection';

@Injectable()
@HandlesEvent('project.submitted')
export class ProjectSubmittedHandler implements EventHandler<'project.submitted'> {
  async handle(event: Event<'project.submitted'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, event.payload);
  }
}
