import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@crowdlink/auth';
import { UpdateMeDto } from './dto/update-me.dto';
import { UserDto } from './dto/user.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserDto> {
    return UserDto.of(await this.identity.userOf(caller.id));
  }

  @Patch()
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentUser() caller: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<UserDto> {
    return UserDto.of(await this.identity.changeDisplayName(caller.id, body.displayName));
  }
}
