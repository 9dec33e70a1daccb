import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, OptionalUser, Public } from '@crowdlink/auth';
import { ProjectDto } from '../projects/dto/project.dto';
import { Page } from '@crowdlink/platform';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ShowcaseService } from './showcase.service';

export class ProjectPageDto implements Page<ProjectDto> {
  @ApiProperty({ type: [ProjectDto] }) items!: ProjectDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

@ApiTags('projects')
@Controller('v1/projects')
export class ShowcaseController {
  constructor(private readonly showcase: ShowcaseService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: ProjectPageDto })
  async list(
    @OptionalUser() user: AuthenticatedUser | undefined,
    @Query() query: ListProjectsQuery,
  ): Promise<ProjectPageDto> {
    return this.showcase.list(query, user);
  }
}
