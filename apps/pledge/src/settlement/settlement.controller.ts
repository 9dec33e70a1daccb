import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { IdParams } from '../pledges/dto/id-params.dto';
import { SettlementDto } from './dto/settlement.dto';
import { SettlementService } from './settlement.service';

@ApiTags('settlement')
@ApiBearerAuth()
@Controller('v1')
export class SettlementController {
  constructor(private readonly settlement: SettlementService) {}

  /** 202: charges run in the background; 404 PROJECT_NOT_FOUND; 409 CAMPAIGN_NOT_OPEN unless LIVE. */
  @Post('admin/projects/:id/close')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SettlementDto })
  async close(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<SettlementDto> {
    return this.settlement.closeNow(user, id);
  }

  /** The owner's or an admin's; another founder gets 403 NOT_PROJECT_OWNER. */
  @Get('projects/:id/settlement')
  @Roles('founder', 'admin')
  @ApiOkResponse({ type: SettlementDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<SettlementDto> {
    return this.settlement.settlementOf(user, id);
  }
}
