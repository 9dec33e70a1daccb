import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OptionalUser, Public, Roles } from '@crowdlink/auth';
import { IdParams } from '../shared/id-params.dto';
import { CreateProjectDto } from './dto/create-project.dto';
import { ProjectDto } from './dto/project.dto';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @Roles('founder')
  @ApiCreatedResponse({ type: ProjectDto })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateProjectDto): Promise<ProjectDto> {
    return ProjectDto.of(await this.projects.create(user, body));
  }

  @Patch(':id')
  @Roles('founder')
  @ApiOkResponse({ type: ProjectDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectDto> {
    return ProjectDto.of(await this.projects.update(user, id, body));
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: ProjectDto })
  async get(@OptionalUser() user: AuthenticatedUser | undefined, @Param() { id }: IdParams): Promise<ProjectDto> {
    return ProjectDto.of(await this.projects.view(id, user));
  }
}
