import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { Clock, CLOCK } from '@crowdlink/domain';
import { InvestorProfileDto } from './dto/investor-profile.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfilesService } from './profiles.service';

/** Only /me: an investor reads and writes their own profile and no one else's. */
@ApiTags('investors')
@ApiBearerAuth()
@Controller('v1/investors/me')
@Roles('investor')
export class ProfilesController {
  constructor(
    private readonly profiles: ProfilesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: InvestorProfileDto })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<InvestorProfileDto> {
    return InvestorProfileDto.of(await this.profiles.profileOf(user.id), this.clock.now());
  }

  @Put()
  @ApiOkResponse({ type: InvestorProfileDto })
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<InvestorProfileDto> {
    return InvestorProfileDto.of(await this.profiles.update(user.id, body), this.clock.now());
  }
}
