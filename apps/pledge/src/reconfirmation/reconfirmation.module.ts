import { Module } from '@nestjs/common';
import { PledgesModule } from '../pledges/pledges.module';
import { ProjectAmendedHandler } from './events/project-amended.handler';
import { ReconfirmationDeadlineQueue } from './jobs/reconfirmation-deadline.queue';
import { ReconfirmationDeadlineWorker } from './jobs/reconfirmation-deadline.worker';
import { ReconfirmationController } from './reconfirmation.controller';
import { ReconfirmationDeadlines } from './reconfirmation-deadlines';
import { ReconfirmationService } from './reconfirmation.service';

/**
 * Reconfirmation after a material change to a live campaign (17 CFR 227.304(c)): asking every
 * committed investor, taking their reconfirmations, cancelling the pledges not reconfirmed in time.
 */
@Module({
  imports: [PledgesModule],
  controllers: [ReconfirmationController],
  providers: [
    ProjectAmendedHandler,
    ReconfirmationService,
    ReconfirmationDeadlines,
    ReconfirmationDeadlineQueue,
    ReconfirmationDeadlineWorker,
  ],
  exports: [ReconfirmationDeadlines],
})
export class ReconfirmationModule {}
