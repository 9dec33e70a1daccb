import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../notification-projects.projection';

@Injectable()
@HandlesEvent('project.terms-changed')
export class ProjectTermsChangedHandler implements EventHandler<'project.terms-changed'> {
  async handle(event: Event<'project.terms-changed'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, event.payload);
  }
}
