import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { ProjectDto } from '../projects/dto/project.dto';
import { IdParams } from '../shared/id-params.dto';
import { ReviewProjectDto } from './dto/review-project.dto';
import { StatusChangeDto } from './dto/status-change.dto';
import { ReviewService } from './review.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('v1/projects/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Post('submit')
  @HttpCode(200)
  @Roles('founder')
  @ApiOkResponse({ type: ProjectDto })
  async submit(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<ProjectDto> {
    return ProjectDto.of(await this.review.submit(user, id));
  }

  @Post('review')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ProjectDto })
  async decide(
    @CurrentUser() admin: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: ReviewProjectDto,
  ): Promise<ProjectDto> {
    return ProjectDto.of(await this.review.decide(admin, id, body.decision, body.notes));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('founder')
  @ApiOkResponse({ type: ProjectDto })
  async withdraw(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<ProjectDto> {
    return ProjectDto.of(await this.review.withdraw(user, id));
  }

  /** The review history with the reviewers' notes: between the platform and the founder. */
  @Get('history')
  @ApiOkResponse({ type: [StatusChangeDto] })
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
  ): Promise<{ items: StatusChangeDto[] }> {
    return { items: (await this.review.historyFor(user, id)).map(StatusChangeDto.of) };
  }
}
