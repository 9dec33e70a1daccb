import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { IdentityModule } from './identity/identity.module';
import { NotificationsModule } from './notifications/notifications.module';

/**
 * The front door: identity and token issuing here, every user's notifications, everything
 * else routed to its owner.
 */
@Module({
  imports: [AuthModule, MessagingModule, IdentityModule, NotificationsModule],
})
export class GatewayModule {}
