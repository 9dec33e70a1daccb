import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class UpdatePaymentMethodDto {
  @ApiProperty({ description: 'A Stripe payment-method id (pm_…), saved now and charged in place of the old one' })
  @Matches(/^pm_[A-Za-z0-9_]{1,250}$/, { message: 'paymentMethod must be a Stripe payment-method id (pm_…)' })
  paymentMethod!: string;
}
