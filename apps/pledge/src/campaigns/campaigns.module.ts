import { Module } from '@nestjs/common';
import { ProjectApprovedHandler } from './events/project-approved.handler';
import { ProjectLiveHandler } from './events/project-live.handler';
import { ProjectSubmittedHandler } from './events/project-submitted.handler';
import { ProjectTermsChangedHandler } from './events/project-terms-changed.handler';
import { ProjectWithdrawnHandler } from './events/project-withdrawn.handler';

/** The campaign projection: each project's terms, window and cap, as pledges will need them. */
@Module({
  providers: [
    ProjectSubmittedHandler,
    ProjectApprovedHandler,
    ProjectLiveHandler,
    ProjectTermsChangedHandler,
    ProjectWithdrawnHandler,
  ],
})
export class CampaignsModule {}
