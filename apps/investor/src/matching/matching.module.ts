import { Module } from '@nestjs/common';
import { CampaignClosedHandler } from './events/campaign-closed.handler';
import { CampaignProgressHandler } from './events/campaign-progress.handler';
import { ProjectLiveHandler } from './events/project-live.handler';
import { ProjectWithdrawnHandler } from './events/project-withdrawn.handler';
import { MatchingRepository } from './matching.repository';
import { MatchingService } from './matching.service';
import { ProjectMatchesController } from './project-matches.controller';
import { RecommendationsController } from './recommendations.controller';

/**
 * Matching (domain-rules.md §4): a projection of LIVE projects fed by project-listing's and
 * the pledge service's events, recommendations for investors, matched investors for a
 * project's owner, and investor.matches-found when a project goes live.
 */
@Module({
  controllers: [RecommendationsController, ProjectMatchesController],
  providers: [
    MatchingRepository,
    MatchingService,
    ProjectLiveHandler,
    ProjectWithdrawnHandler,
    CampaignProgressHandler,
    CampaignClosedHandler,
  ],
})
export class MatchingModule {}
