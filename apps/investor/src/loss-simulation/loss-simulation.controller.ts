import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@crowdlink/auth';
import { AcknowledgeLossSimulationDto } from './dto/acknowledge-loss-simulation.dto';
import { LossSimulationDto } from './dto/loss-simulation.dto';
import { LossSimulationService } from './loss-simulation.service';

@ApiTags('investors')
@ApiBearerAuth()
@Controller('v1/investors/me/loss-simulation')
@Roles('investor')
export class LossSimulationController {
  constructor(private readonly simulations: LossSimulationService) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: LossSimulationDto })
  @ApiUnprocessableEntityResponse({ description: 'NET_WORTH_IN_EUR_REQUIRED: the profile has no net worth in EUR' })
  async acknowledge(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: AcknowledgeLossSimulationDto,
  ): Promise<LossSimulationDto> {
    const simulation = await this.simulations.acknowledge(user.id, body.acknowledged);
    return {
      netWorth: simulation.netWorth.toJSON().amount,
      lossBearingCapacity: simulation.lossBearingCapacity.toJSON().amount,
      currency: simulation.netWorth.currency,
      acknowledgedAt: simulation.acknowledgedAt.toISOString(),
    };
  }
}
