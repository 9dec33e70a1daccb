import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { IdParams } from '../id-params.dto';
import { ClaimsService } from './claims.service';
import { ClaimDto, CreateRiskPoolDto, RiskPoolDto } from './dto/create-risk-pool.dto';
import { RiskPoolsService } from './risk-pools.service';

@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1')
export class RiskPoolsController {
  constructor(
    private readonly pools: RiskPoolsService,
    private readonly claims: ClaimsService,
  ) {}

  @Post('admin/risk-pools')
  @Roles('admin')
  @HttpCode(201)
  @ApiCreatedResponse({ type: RiskPoolDto })
  async create(@CurrentUser() admin: AuthenticatedUser, @Body() body: CreateRiskPoolDto): Promise<RiskPoolDto> {
    return this.pools.create(admin, body);
  }

  @Get('admin/risk-pools/:id')
  @Roles('admin')
  @ApiOkResponse({ type: RiskPoolDto })
  async get(@Param() { id }: IdParams): Promise<RiskPoolDto> {
    return this.pools.get(id);
  }

  /** The bank's claim on its DEFAULTED enrolled loan: 201 once, 409 CLAIM_ALREADY_PAID after. */
  @Post('loans/:id/claims')
  @Roles('bank')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ClaimDto })
  async claim(@CurrentUser() bank: AuthenticatedUser, @Param() { id }: IdParams): Promise<ClaimDto> {
    return this.claims.claim(bank, id);
  }
}
