import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../round.projection';

@Injectable()
@HandlesEvent('project.live')
export class ProjectLiveHandler implements EventHandler<'project.live'> {
  async handle(event: Event<'project.live'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, event.payload);
  }
}
