import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crowdlink/auth';
import { TrialBalanceDto } from './dto/trial-balance.dto';
import { TrialBalanceService } from './trial-balance.service';

@ApiTags('admin: ledger')
@ApiBearerAuth()
@Controller('v1/admin/ledger')
@Roles('admin')
export class LedgerController {
  constructor(private readonly trialBalance: TrialBalanceService) {}

  @Get('trial-balance')
  @ApiOkResponse({ type: TrialBalanceDto })
  async getTrialBalance(): Promise<TrialBalanceDto> {
    return this.trialBalance.compute();
  }
}
