import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { CompanyDto } from '../companies/dto/company.dto';
import { UpdateCompanyDto } from '../companies/dto/update-company.dto';
import { IdParams } from '../shared/id-params.dto';
import { PayoutAccountsService } from './payout-accounts.service';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('v1/companies')
export class PayoutAccountsController {
  constructor(private readonly payoutAccounts: PayoutAccountsService) {}

  /** Sets the payout account once; another account afterwards is 409 PAYOUT_ACCOUNT_ALREADY_SET. */
  @Patch(':id')
  @Roles('founder')
  @ApiOkResponse({ type: CompanyDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: UpdateCompanyDto,
  ): Promise<CompanyDto> {
    return CompanyDto.of(await this.payoutAccounts.set(user, id, body.payoutAccountId));
  }
}
