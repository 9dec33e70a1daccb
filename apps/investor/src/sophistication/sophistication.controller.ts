import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { UserIdParams } from '../shared/user-id-params.dto';
import { DecideSophisticationDto } from './dto/decide-sophistication.dto';
import { RequestSophisticationDto } from './dto/request-sophistication.dto';
import { SophisticationRequestsDto, SophisticationRequestViewDto } from './dto/sophistication-request-view.dto';
import { SophisticationService } from './sophistication.service';

@ApiTags('investors')
@ApiBearerAuth()
@Controller()
export class SophisticationController {
  constructor(private readonly sophistication: SophisticationService) {}

  @Post('v1/investors/me/sophisticated-request')
  @Roles('investor')
  @ApiOperation({ summary: 'Ask for EU sophisticated-investor status (409 while one is open or once granted)' })
  @ApiCreatedResponse({ type: SophisticationRequestViewDto })
  async request(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RequestSophisticationDto,
  ): Promise<SophisticationRequestViewDto> {
    return SophisticationRequestViewDto.of(await this.sophistication.request(user.id, body));
  }

  @Post('v1/admin/investors/:userId/sophisticated')
  @HttpCode(200)
  @Roles('admin')
  @ApiTags('admin: investors')
  @ApiOperation({ summary: 'Addition to api.md: an admin approves or rejects the open request' })
  @ApiOkResponse({ type: SophisticationRequestViewDto })
  async decide(
    @CurrentUser() admin: AuthenticatedUser,
    @Param() { userId }: UserIdParams,
    @Body() body: DecideSophisticationDto,
  ): Promise<SophisticationRequestViewDto> {
    return SophisticationRequestViewDto.of(await this.sophistication.decide(admin, userId, body.decision, body.notes));
  }

  @Get('v1/admin/investors/:userId/sophisticated')
  @Roles('admin')
  @ApiTags('admin: investors')
  @ApiOperation({ summary: "Addition to api.md: the investor's requests with their decisions, oldest first" })
  @ApiOkResponse({ type: SophisticationRequestsDto })
  async history(@Param() { userId }: UserIdParams): Promise<SophisticationRequestsDto> {
    return { items: (await this.sophistication.requestsOf(userId)).map(SophisticationRequestViewDto.of) };
  }
}
