import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { InvestorLimitDto, InvestorLimitsDto } from './dto/investor-limits.dto';
import { LimitsService } from './limits.service';

@ApiTags('investors')
@ApiBearerAuth()
@Controller('v1/investors/me/limits')
@Roles('investor')
export class LimitsController {
  constructor(private readonly limits: LimitsService) {}

  @Get()
  @ApiOkResponse({ type: InvestorLimitsDto })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<InvestorLimitsDto> {
    return { items: (await this.limits.limitsOf(user.id)).map(InvestorLimitDto.of) };
  }
}
