import { ApiProperty } from '@nestjs/swagger';

export class LossSimulationDto {
  @ApiProperty({ description: 'minor units of currency (EUR)' }) netWorth!: number;
  @ApiProperty({ description: 'minor units of currency: 10% of net worth (ECSPR Art 21(5))' })
  lossBearingCapacity!: number;
  @ApiProperty({ description: 'addition to api.md', example: 'EUR' }) currency!: string;
  @ApiProperty({ format: 'date-time', description: 'addition to api.md' }) acknowledgedAt!: string;
}
