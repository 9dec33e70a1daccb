import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { Clock, CLOCK } from '@crowdlink/domain';
import { InvestorProfileDto } from '../profiles/dto/investor-profile.dto';
import { UserIdParams } from '../shared/user-id-params.dto';
import { DecideKycDto } from './dto/decide-kyc.dto';
import { KycHistoryDto, KycHistoryEntryDto } from './dto/kyc-history.dto';
import { KycService } from './kyc.service';

@ApiTags('admin: investors')
@ApiBearerAuth()
@Controller('v1/admin/investors/:userId/kyc')
@Roles('admin')
export class KycController {
  constructor(
    private readonly kyc: KycService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify or reject a PENDING investor (409 ILLEGAL_KYC_TRANSITION otherwise)' })
  @ApiOkResponse({ type: InvestorProfileDto })
  async decide(
    @CurrentUser() admin: AuthenticatedUser,
    @Param() { userId }: UserIdParams,
    @Body() body: DecideKycDto,
  ): Promise<InvestorProfileDto> {
    return InvestorProfileDto.of(await this.kyc.decide(admin, userId, body.decision, body.notes), this.clock.now());
  }

  @Get()
  @ApiOperation({ summary: 'Addition to api.md: the KYC status with its history (who, when, decision, notes)' })
  @ApiOkResponse({ type: KycHistoryDto })
  async history(@Param() { userId }: UserIdParams): Promise<KycHistoryDto> {
    const { profile, history } = await this.kyc.historyOf(userId);
    return { userId, kycStatus: profile.kycStatus, items: history.map(KycHistoryEntryDto.of) };
  }
}
