import { Module } from '@nestjs/common';
import { InvestorsModule } from '../investors/investors.module';
import { LossSimulationController } from './loss-simulation.controller';
import { LossSimulationService } from './loss-simulation.service';

/** The EU (ECSPR) loss simulation and its acknowledgement. */
@Module({
  imports: [InvestorsModule],
  controllers: [LossSimulationController],
  providers: [LossSimulationService],
})
export class LossSimulationModule {}
