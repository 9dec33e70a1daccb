import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crowdlink/auth';
import { AuditLog } from './audit-log';
import { AuditPageDto, AuditQuery } from './dto/audit-entry.dto';

@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  /** Bank, appraiser and admin actions, newest first: who, what, when. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.page(query.limit, query.cursor, query.actorId);
  }
}
