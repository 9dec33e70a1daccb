import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export const SOPHISTICATION_DECISIONS = ['approve', 'reject'] as const;
export type SophisticationDecision = (typeof SOPHISTICATION_DECISIONS)[number];

export class DecideSophisticationDto {
  @ApiProperty({ enum: SOPHISTICATION_DECISIONS })
  @IsIn(SOPHISTICATION_DECISIONS)
  decision!: SophisticationDecision;

  @ApiProperty({ description: 'why; kept with the request' })
  @IsString()
  @Length(0, 10_000)
  notes!: string;
}
