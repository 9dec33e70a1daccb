import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { ProjectDto } from '../projects/dto/project.dto';
import { IdParams } from '../shared/id-params.dto';
import { AmendmentsService } from './amendments.service';
import { AmendProjectDto } from './dto/amend-project.dto';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects/:id/amendments')
export class AmendmentsController {
  constructor(private readonly amendments: AmendmentsService) {}

  /** A material change to a LIVE project; answers the amended project, its amendments listed. */
  @Post()
  @HttpCode(201)
  @Roles('founder')
  @ApiCreatedResponse({ type: ProjectDto })
  async amend(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: AmendProjectDto,
  ): Promise<ProjectDto> {
    return ProjectDto.of(await this.amendments.amend(user, id, body));
  }
}
