import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { IdParams } from '../id-params.dto';
import { CreateRepaymentDto, RepaymentDto } from './dto/repayment.dto';
import { RepaymentsService } from './repayments.service';

@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1/loans')
export class RepaymentsController {
  constructor(private readonly repayments: RepaymentsService) {}

  @Post(':id/repayments')
  @Roles('founder', 'bank')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 characters' })
  @ApiCreatedResponse({ type: RepaymentDto })
  async repay(
    @CurrentUser() payer: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: CreateRepaymentDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RepaymentDto> {
    return this.repayments.repay(payer, id, body, idempotencyKey);
  }
}
