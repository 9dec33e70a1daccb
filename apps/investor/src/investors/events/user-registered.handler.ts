import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { EventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyUserSnapshot } from '../investor-user.projection';

/** A new investor gets their (empty) investor record. */
@Injectable()
@HandlesEvent('user.registered')
export class UserRegisteredHandler implements EventHandler<'user.registered'> {
  async handle(event: Event<'user.registered'>, manager: EntityManager): Promise<void> {
    await applyUserSnapshot(manager, event.payload);
  }
}
