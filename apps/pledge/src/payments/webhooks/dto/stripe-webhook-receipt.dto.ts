import { ApiProperty } from '@nestjs/swagger';

export class StripeWebhookReceiptDto {
  @ApiProperty({ description: 'Always true: the event was taken' })
  received!: true;

  @ApiProperty({ description: 'The event id was seen before: acknowledged, with no second effect' })
  duplicate!: boolean;
}
