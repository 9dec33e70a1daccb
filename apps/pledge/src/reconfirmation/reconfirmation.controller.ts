import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { IdParams } from '../pledges/dto/id-params.dto';
import { PledgeDto } from '../pledges/dto/pledge.dto';
import { ReconfirmationService } from './reconfirmation.service';

@ApiTags('pledges')
@ApiBearerAuth()
@Controller('v1/pledges/:id/reconfirm')
export class ReconfirmationController {
  constructor(private readonly reconfirmation: ReconfirmationService) {}

  /** Keeps the pledge after a material change; 409 RECONFIRMATION_NOT_PENDING when none was asked. */
  @Post()
  @HttpCode(200)
  @Roles('investor')
  @ApiOkResponse({ type: PledgeDto })
  async reconfirm(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<PledgeDto> {
    return this.reconfirmation.reconfirm(user.id, id);
  }
}
