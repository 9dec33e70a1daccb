import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crowdlink/auth';
import { BankViewService } from './bank-view.service';
import { BankProjectPageDto } from './dto/bank-project.dto';
import { BankProjectsQuery } from './dto/bank-projects-query.dto';

@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1/bank/projects')
export class BankViewController {
  constructor(private readonly bankView: BankViewService) {}

  @Get()
  @Roles('bank')
  @ApiOkResponse({ type: BankProjectPageDto })
  async projects(@Query() query: BankProjectsQuery): Promise<BankProjectPageDto> {
    return this.bankView.projects(query);
  }
}
