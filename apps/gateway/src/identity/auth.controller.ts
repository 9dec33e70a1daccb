import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@crowdlink/auth';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { SessionDto } from './dto/user.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: SessionDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  register(@Body() body: RegisterDto): Promise<SessionDto> {
    return this.identity.register(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS' })
  login(@Body() body: LoginDto): Promise<SessionDto> {
    return this.identity.login(body.email, body.password);
  }
}
