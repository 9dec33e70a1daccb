import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { IdParams } from '../id-params.dto';
import { CreateValuationDto } from './dto/create-valuation.dto';
import { IpAssetDto, ValuationDto } from './dto/valuation.dto';
import { ValuationsService } from './valuations.service';

@ApiTags('loan linkage')
@ApiBearerAuth()
@Controller('v1/ip-assets')
export class ValuationsController {
  constructor(private readonly valuations: ValuationsService) {}

  @Post(':id/valuations')
  @Roles('appraiser')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ValuationDto })
  async value(
    @CurrentUser() appraiser: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Body() body: CreateValuationDto,
  ): Promise<ValuationDto> {
    return this.valuations.value(appraiser, id, body);
  }

  /** The asset, its lien status and its valuation history (newest first). */
  @Get(':id')
  @Roles('bank', 'appraiser', 'admin')
  @ApiOkResponse({ type: IpAssetDto })
  async get(@Param() { id }: IdParams): Promise<IpAssetDto> {
    return this.valuations.asset(id);
  }
}
