import { Module } from '@nestjs/common';
import { CampaignProgressHandler } from './events/campaign-progress.handler';
import { ProjectAmendedHandler } from './events/project-amended.handler';
import { ProjectApprovedHandler } from './events/project-approved.handler';
import { ProjectLiveHandler } from './events/project-live.handler';

/** The equity rounds loans link to: project snapshots and aggregate progress, from events. */
@Module({
  providers: [ProjectApprovedHandler, ProjectLiveHandler, ProjectAmendedHandler, CampaignProgressHandler],
})
export class RoundsModule {}
