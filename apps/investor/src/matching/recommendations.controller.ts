import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@crowdlink/platform';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { RecommendationsDto } from './dto/recommendations.dto';
import { MatchingService } from './matching.service';

@ApiTags('investors')
@ApiBearerAuth()
@Controller('v1/investors/me/recommendations')
@Roles('investor')
export class RecommendationsController {
  constructor(private readonly matching: MatchingService) {}

  /** LIVE projects that close in the future, ranked for the caller, best first, with reasons. */
  @Get()
  @ApiOkResponse({ type: RecommendationsDto })
  async mine(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<RecommendationsDto> {
    return this.matching.recommendationsFor(user.id, query.limit, query.cursor);
  }
}
