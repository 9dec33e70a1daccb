import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../round.projection';

@Injectable()
@HandlesEvent('project.amended')
export class ProjectAmendedHandler implements EventHandler<'project.amended'> {
  async handle(event: Event<'project.amended'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, event.payload);
  }
}
