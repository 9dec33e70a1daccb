import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OptionalUser, Public, Roles } from '@crowdlink/auth';
import { IdParams } from '../shared/id-params.dto';
import { Page, PageQuery } from '@crowdlink/platform';
import { CreateUpdateDto } from './dto/create-update.dto';
import { UpdateDto } from './dto/update.dto';
import { UpdatesService } from './updates.service';

@ApiTags('updates')
@ApiBearerAuth()
@Controller('v1/projects/:id/updates')
export class UpdatesController {
  constructor(private readonly updates: UpdatesService) {}

  @Post()
  @Roles('founder')
  @ApiCreatedResponse({ type: UpdateDto })
  async post(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: CreateUpdateDto,
  ): Promise<UpdateDto> {
    return UpdateDto.of(await this.updates.post(user, id, body));
  }

  @Get()
  @Public()
  async list(
    @OptionalUser() user: AuthenticatedUser | undefined,
    @Param() { id }: IdParams,
    @Query() { limit, cursor }: PageQuery,
  ): Promise<Page<UpdateDto>> {
    const page = await this.updates.list(user, id, limit, cursor);
    return { ...page, items: page.items.map((update) => UpdateDto.of(update)) };
  }
}
