import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyProjectSnapshot } from '../round.projection';

@Injectable()
@HandlesEvent('project.approved')
export class ProjectApprovedHandler implements EventHandler<'project.approved'> {
  async handle(event: Event<'project.approved'>, manager: EntityManager): Promise<void> {
    await applyProjectSnapshot(manager, event.payload);
  }
}
