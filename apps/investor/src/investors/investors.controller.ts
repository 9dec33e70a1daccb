import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { InvestorProfileDto } from './dto/investor-profile.dto';
import { InvestorsService } from './investors.service';

@ApiTags('investors')
@ApiBearerAuth()
@Controller('v1/investors')
export class InvestorsController {
  constructor(private readonly investors: InvestorsService) {}

  @Get('me')
  @Roles('investor')
  @ApiOkResponse({ type: InvestorProfileDto })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<InvestorProfileDto> {
    return InvestorProfileDto.of(await this.investors.profileOf(user.id));
  }
}
