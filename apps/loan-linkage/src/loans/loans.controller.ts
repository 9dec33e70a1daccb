import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { PageQuery } from '@crowdlink/platform';
import { IdParams } from '../id-params.dto';
import { CollateralRegistrationDto } from './dto/collateral-registration.dto';
import { CreateLoanOfferDto } from './dto/create-loan-offer.dto';
import {
  CollateralRegisteredDto,
  LoanDto,
  LoanOfferCreatedDto,
  LoanStatusDto,
  LoanSummaryPageDto,
} from './dto/loan.dto';
import { LoanDecisionsService } from './loan-decisions.service';
import { LoanOffersService } from './loan-offers.service';
import { LoanViewService } from './loan-view.service';
import { BankOrganizationRequiredException } from './loan.exceptions';

@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1')
export class LoansController {
  constructor(
    private readonly offers: LoanOffersService,
    private readonly decisions: LoanDecisionsService,
    private readonly view: LoanViewService,
  ) {}

  @Post('bank/loan-offers')
  @Roles('bank')
  @HttpCode(201)
  @ApiCreatedResponse({ type: LoanOfferCreatedDto })
  async offer(@CurrentUser() bank: AuthenticatedUser, @Body() body: CreateLoanOfferDto): Promise<LoanOfferCreatedDto> {
    return this.offers.offer(bank, body);
  }

  /** The offers and loans of the caller's organisation. */
  @Get('bank/loans')
  @Roles('bank')
  @ApiOkResponse({ type: LoanSummaryPageDto })
  async listOwn(@CurrentUser() bank: AuthenticatedUser, @Query() query: PageQuery): Promise<LoanSummaryPageDto> {
    if (!bank.organizationId) throw new BankOrganizationRequiredException();
    return this.view.listForOrganization(bank.organizationId, query.limit, query.cursor);
  }

  @Post('bank/loan-offers/:id/withdraw')
  @Roles('bank')
  @HttpCode(200)
  @ApiOkResponse({ type: LoanStatusDto })
  async withdraw(@CurrentUser() bank: AuthenticatedUser, @Param() { id }: IdParams): Promise<LoanStatusDto> {
    return this.decisions.withdraw(bank, id);
  }

  @Post('loan-offers/:id/accept')
  @Roles('founder')
  @HttpCode(200)
  @ApiOkResponse({ type: LoanStatusDto })
  async accept(@CurrentUser() founder: AuthenticatedUser, @Param() { id }: IdParams): Promise<LoanStatusDto> {
    return this.decisions.accept(founder, id);
  }

  @Post('loan-offers/:id/decline')
  @Roles('founder')
  @HttpCode(200)
  @ApiOkResponse({ type: LoanStatusDto })
  async decline(@CurrentUser() founder: AuthenticatedUser, @Param() { id }: IdParams): Promise<LoanStatusDto> {
    return this.decisions.decline(founder, id);
  }

  @Post('loans/:id/collateral-registration')
  @Roles('bank')
  @HttpCode(200)
  @ApiOkResponse({ type: CollateralRegisteredDto })
  async register(
    @CurrentUser() bank: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: CollateralRegistrationDto,
  ): Promise<CollateralRegisteredDto> {
    return this.decisions.registerCollateral(bank, id, body);
  }

  @Get('loans/:id')
  @Roles('bank', 'founder', 'admin')
  @ApiOkResponse({ type: LoanDto })
  async get(@CurrentUser() user: AuthenticatedUser, @Param() { id }: IdParams): Promise<LoanDto> {
    return this.view.get(user, id);
  }
}
