import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@crowdlink/platform';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { ProjectIdParams } from './dto/project-id.params';
import { ProjectMatchesDto } from './dto/project-matches.dto';
import { MatchingService } from './matching.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects/:id/matches')
@Roles('founder')
export class ProjectMatchesController {
  constructor(private readonly matching: MatchingService) {}

  /** Discoverable investors ranked for the caller's project; the owner is known from project events. */
  @Get()
  @ApiOkResponse({ type: ProjectMatchesDto })
  async matches(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ProjectIdParams,
    @Query() query: PageQuery,
  ): Promise<ProjectMatchesDto> {
    return this.matching.matchesFor(params.id, user.id, query.limit, query.cursor);
  }
}
