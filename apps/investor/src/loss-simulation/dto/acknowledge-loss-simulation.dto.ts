import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

export class AcknowledgeLossSimulationDto {
  @ApiProperty({ enum: [true], description: 'the investor has seen and accepts the simulated loss' })
  @Equals(true, { message: 'acknowledged must be true' })
  acknowledged!: true;
}
