import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { BatchEventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyUserSnapshots } from '../investor-user.projection';

/** A new investor gets their (empty) investor record. */
@Injectable()
@HandlesEvent('user.registered')
export class UserRegisteredHandler implements BatchEventHandler<'user.registered'> {
  async handleAll(events: Event<'user.registered'>[], manager: EntityManager): Promise<void> {
    await applyUserSnapshots(
      manager,
      events.map((event) => event.payload),
    );
  }
}
