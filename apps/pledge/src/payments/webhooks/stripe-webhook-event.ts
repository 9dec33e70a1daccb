import { WebhookEventMalformedException } from './stripe-webhook.exceptions';

/** The part of a Stripe event (any API version) that the pledge service reads. */
export interface StripeWebhookEvent {
  id: string;
  type: string;
  created: number;
  livemode: boolean;
  object: StripeEventObject;
}

export interface StripeEventObject {
  id: string;
  metadata: Record<string, unknown>;
  /** A PaymentIntent's (or a charge's): integer minor units, and its currency as Stripe writes it (`usd`). */
  amount?: number;
  currency?: string;
}

/** Checks a verified body's shape before anything reads it; a stranger shape is a 400. */
export function stripeWebhookEventOf(body: unknown): StripeWebhookEvent {
  if (!isRecord(body) || !isRecord(body.data) || !isRecord(body.data.object))
    throw new WebhookEventMalformedException();
  const { id, type, created, livemode } = body;
  const object = body.data.object;
  const wellFormed =
    typeof id === 'string' &&
    /^evt_\w{1,250}$/.test(id) &&
    typeof type === 'string' &&
    type.length > 0 &&
    Number.isSafeInteger(created) &&
    typeof livemode === 'boolean' &&
    typeof object.id === 'string' &&
    object.id.length > 0 &&
    (object.metadata === undefined || object.metadata === null || isRecord(object.metadata));
  const { amount, currency } = object;
  const hasMoney = Number.isSafeInteger(amount) && (amount as number) >= 0 && typeof currency === 'string';
  // a PaymentIntent event is acted on by its amount; one without it is no Stripe event
  if (!wellFormed || (type.startsWith('payment_intent.') && !hasMoney)) throw new WebhookEventMalformedException();
  return {
    id,
    type,
    created: created as number,
    livemode,
    object: {
      id: object.id as string,
      metadata: isRecord(object.metadata) ? object.metadata : {},
      ...(hasMoney ? { amount: amount as number, currency: currency as string } : {}),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
