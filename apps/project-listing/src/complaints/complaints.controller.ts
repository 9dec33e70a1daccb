import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { IdParams } from '../shared/id-params.dto';
import { Page } from '@crowdlink/platform';
import { ComplaintsService } from './complaints.service';
import { ComplaintDto } from './dto/complaint.dto';
import { FileComplaintDto } from './dto/file-complaint.dto';
import { ListComplaintsQuery } from './dto/list-complaints.query';
import { ResolveComplaintDto } from './dto/resolve-complaint.dto';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post('projects/:id/complaints')
  @Roles('investor')
  @ApiCreatedResponse({ type: ComplaintDto })
  async file(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: FileComplaintDto,
  ): Promise<ComplaintDto> {
    return ComplaintDto.of(await this.complaints.file(user, id, body));
  }

  @Get('admin/complaints')
  @Roles('admin')
  async list(@Query() { status, limit, cursor }: ListComplaintsQuery): Promise<Page<ComplaintDto>> {
    const page = await this.complaints.list(status, limit, cursor);
    return { ...page, items: page.items.map((complaint) => ComplaintDto.of(complaint)) };
  }

  @Get('admin/complaints/:id')
  @Roles('admin')
  @ApiOkResponse({ type: ComplaintDto })
  async get(@Param() { id }: IdParams): Promise<ComplaintDto> {
    const { complaint, history } = await this.complaints.get(id);
    return ComplaintDto.of(complaint, history);
  }

  @Post('admin/complaints/:id/resolve')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ComplaintDto })
  async resolve(
    @CurrentUser() admin: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: ResolveComplaintDto,
  ): Promise<ComplaintDto> {
    const { complaint, history } = await this.complaints.resolve(admin, id, body.resolution);
    return ComplaintDto.of(complaint, history);
  }
}
