import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { PageQuery } from '@crowdlink/platform';
import { IdParams } from '../pledges/dto/id-params.dto';
import { CapTableService } from './cap-table.service';
import { CapTableDto } from './dto/cap-table.dto';
import { PortfolioPageDto } from './dto/portfolio.dto';
import { PortfolioService } from './portfolio.service';

@ApiTags('cap table')
@ApiBearerAuth()
@Controller('v1')
export class CapTableController {
  constructor(
    private readonly capTable: CapTableService,
    private readonly portfolio: PortfolioService,
  ) {}

  /** The owner's or an admin's; another founder gets 403 NOT_PROJECT_OWNER. */
  @Get('projects/:id/cap-table')
  @Roles('founder', 'admin')
  @ApiOkResponse({ type: CapTableDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<CapTableDto> {
    return this.capTable.view(user, id);
  }

  @Get('investors/me/portfolio')
  @Roles('investor')
  @ApiOkResponse({ type: PortfolioPageDto })
  async mine(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<PortfolioPageDto> {
    return this.portfolio.listMine(user.id, query.limit, query.cursor);
  }
}
