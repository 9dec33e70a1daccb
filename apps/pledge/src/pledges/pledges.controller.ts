import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { PageQuery } from '@crowdlink/platform';
import { CreatePledgeDto } from './dto/create-pledge.dto';
import { IdParams } from './dto/id-params.dto';
import { CancelledPledgeDto, PledgeDto, PledgePageDto } from './dto/pledge.dto';
import { UpdatePaymentMethodDto } from './dto/update-payment-method.dto';
import { PledgesService } from './pledges.service';

@ApiTags('pledges')
@ApiBearerAuth()
@Controller('v1')
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Post('projects/:id/pledges')
  @Roles('investor')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 characters; kept at least 24 hours' })
  @ApiCreatedResponse({ type: PledgeDto })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: CreatePledgeDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<PledgeDto> {
    return this.pledges.commit(user.id, id, body, idempotencyKey);
  }

  @Get('pledges/:id')
  @Roles('investor', 'founder', 'admin')
  @ApiOkResponse({ type: PledgeDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<PledgeDto> {
    return this.pledges.get(user, id);
  }

  @Delete('pledges/:id')
  @Roles('investor')
  @HttpCode(200)
  @ApiOkResponse({ type: CancelledPledgeDto })
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<CancelledPledgeDto> {
    return this.pledges.cancel(user.id, id);
  }

  /** A new payment method while the pledge is PAYMENT_ACTION_REQUIRED; else 409 PLEDGE_NOT_AWAITING_PAYMENT. */
  @Put('pledges/:id/payment-method')
  @Roles('investor')
  @HttpCode(200)
  @ApiOkResponse({ type: PledgeDto })
  async replacePaymentMethod(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: UpdatePaymentMethodDto,
  ): Promise<PledgeDto> {
    return this.pledges.replacePaymentMethod(user.id, id, body.paymentMethod);
  }

  @Get('investors/me/pledges')
  @Roles('investor')
  @ApiOkResponse({ type: PledgePageDto })
  async mine(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<PledgePageDto> {
    return this.pledges.listMine(user.id, query.limit, query.cursor);
  }
}
