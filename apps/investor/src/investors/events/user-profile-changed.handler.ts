import { Injectable } from '@nestjs/common';
import { Event } from '@crowdlink/contracts';
import { BatchEventHandler, HandlesEvent } from '@crowdlink/messaging';
import { EntityManager } from 'typeorm';
import { applyUserSnapshots } from '../investor-user.projection';

@Injectable()
@HandlesEvent('user.profile-changed')
export class UserProfileChangedHandler implements BatchEventHandler<'user.profile-changed'> {
  async handleAll(events: Event<'user.profile-changed'>[], manager: EntityManager): Promise<void> {
    await applyUserSnapshots(
      manager,
      events.map((event) => event.payload),
    );
  }
}
