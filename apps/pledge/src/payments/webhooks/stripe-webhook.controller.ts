import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@crowdlink/auth';
import { FastifyRequest } from 'fastify';
import { StripeWebhookReceiptDto } from './dto/stripe-webhook-receipt.dto';
import { StripeWebhookService } from './stripe-webhook.service';

@ApiTags('payments')
@Controller('v1/payments/stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  /** Stripe's events, signed with the endpoint's secret; a replayed event is acknowledged with no second effect. */
  @Post('webhook')
  @Public()
  @HttpCode(200)
  @RouteConfig({ rawBody: true })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ type: StripeWebhookReceiptDto })
  async receive(
    @Req() request: FastifyRequest,
    @Headers('stripe-signature') signature?: string,
  ): Promise<StripeWebhookReceiptDto> {
    return this.webhooks.receive(request.rawBody, signature);
  }
}
