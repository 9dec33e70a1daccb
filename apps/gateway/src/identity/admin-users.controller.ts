import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crowdlink/auth';
import { CreateUserDto } from './dto/create-user.dto';
import { UserDto } from './dto/user.dto';
import { IdentityService } from './identity.service';

/** Bank, appraiser and admin accounts are created by an admin, never self-registered. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('v1/admin/users')
export class AdminUsersController {
  constructor(private readonly identity: IdentityService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.of(await this.identity.createUser(body));
  }
}
