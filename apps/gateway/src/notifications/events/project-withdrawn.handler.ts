import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../notification-projects.projection';

@Injectable()
@HandlesEvent('project.withdrawn')
export class ProjectWithdrawnHandler implements EventHandler<'project.withdrawn'> {
  async handle(event: Event<'project.withdrawn'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, event.payload);
  }
}
