import { Module } from '@nestjs/common';
import { AuthModule } from '@crowdlink/auth';
import { MessagingModule } from '@crowdlink/messaging';
import { IdentityModule } from './identity/identity.module';

/** The front door: identity and token issuing here, everything else routed to its owner. */
@Module({
  imports: [AuthModule, MessagingModule, IdentityModule],
})
export class GatewayModule {}
