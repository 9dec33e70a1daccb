import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A local stand-in for api.stripe.com that the real `stripe` SDK talks to (STRIPE_API_URL).
 * It records every request as Stripe would see it, answers with Stripe-shaped objects and
 * card_error bodies, and keeps Stripe's idempotency contract: a key seen before replays its
 * first answer (Idempotent-Replayed: true), and a key reused with other parameters is a 400
 * idempotency_error. Server errors, 409s and 429s are not stored, as on Stripe, so the SDK's
 * retries reach the next answer. A test may also cut the connection (before or after Stripe
 * acted on the request) or hold a request until it lets it through.
 */

export interface RecordedStripeRequest {
  method: string;
  path: string;
  /** The form-encoded body, decoded flat: `metadata[pledgeId]`, `allowed_payment_method_types[0]`. */
  body: Record<string, string>;
  idempotencyKey?: string;
  stripeVersion?: string;
  authorization?: string;
}

export interface StripeAnswer {
  status: number;
  body: object;
}

/**
 * connection_reset: the connection drops before Stripe saw the request.
 * answer_lost: Stripe acted on the request (and keeps its answer for the idempotency key),
 *   then the connection dropped before the answer came back.
 */
export type NetworkFault = 'connection_reset' | 'answer_lost';

/** Which requests a scripted answer is for: a route, and only one idempotency key if given. */
export interface RequestMatch {
  route: string;
  idempotencyKey?: string;
}

export interface CreatedPaymentIntent {
  id: string;
  idempotencyKey?: string;
  pledgeId?: string;
  amount: number;
  currency: string;
  status: string;
}

/** A request the server keeps waiting: `arrived` once it came in; it is answered after `release()`. */
export interface HeldRequest {
  arrived: Promise<void>;
  release(): void;
}

/**
 * Stripe's test payment methods that are declined when charged, with the error Stripe answers
 * (https://docs.stripe.com/testing#declined-payments). Every `pm_card_*` name is saved.
 */
const CHARGE_DECLINES: Readonly<Record<string, { code: string; decline_code: string }>> = {
  pm_card_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline' },
  pm_card_visa_chargeDeclined: { code: 'card_declined', decline_code: 'generic_decline' },
  pm_card_chargeDeclinedFraudulent: { code: 'card_declined', decline_code: 'fraudulent' },
  pm_card_chargeDeclinedLostCard: { code: 'card_declined', decline_code: 'lost_card' },
  pm_card_chargeDeclinedStolenCard: { code: 'card_declined', decline_code: 'stolen_card' },
  pm_card_chargeDeclinedInsufficientFunds: { code: 'card_declined', decline_code: 'insufficient_funds' },
  pm_card_authenticationRequired: { code: 'authentication_required', decline_code: 'authentication_required' },
};

export class FakeStripeServer {
  readonly requests: RecordedStripeRequest[] = [];
  /** Every PaymentIntent created, once each: an idempotent replay creates none. */
  readonly paymentIntents: CreatedPaymentIntent[] = [];
  private readonly scripted: { match: RequestMatch; answer: StripeAnswer | NetworkFault }[] = [];
  private readonly holds: { match: RequestMatch; arrived: () => void; released: Promise<void> }[] = [];
  private readonly firstAnswers = new Map<string, { route: string; rawBody: string; answer: StripeAnswer }>();
  /** A saved test payment method gets an id of its own, as on Stripe; the name decides its charges. */
  private readonly savedMethods = new Map<string, string>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeStripeServer> {
    const server = createServer();
    const fake = new FakeStripeServer(server);
    server.on('request', (request, response) => void fake.serve(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * The next `times` requests to `route` (e.g. `POST /v1/payment_intents`), or to
   * `{ route, idempotencyKey }`, get `answer` or suffer the fault.
   */
  answerNext(to: string | RequestMatch, answer: StripeAnswer | NetworkFault, times = 1): void {
    const match = typeof to === 'string' ? { route: to } : to;
    for (let i = 0; i < times; i++) this.scripted.push({ match, answer });
  }

  /** The next matching request waits until the test releases it. */
  holdNext(match: RequestMatch): HeldRequest {
    let arrived!: () => void;
    let release!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ match, arrived, released });
    return { arrived: arrival, release };
  }

  requestsTo(route: string): RecordedStripeRequest[] {
    return this.requests.filter((request) => `${request.method} ${request.path}` === route);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const recorded: RecordedStripeRequest = {
      method: request.method ?? '',
      path: (request.url ?? '').split('?', 1)[0],
      body: Object.fromEntries(new URLSearchParams(rawBody)),
      idempotencyKey: header(request, 'idempotency-key'),
      stripeVersion: header(request, 'stripe-version'),
      authorization: header(request, 'authorization'),
    };
    this.requests.push(recorded);
    const hold = this.take(this.holds, recorded);
    if (hold) {
      hold.arrived();
      await hold.released;
    }
    const scripted = this.take(this.scripted, recorded)?.answer;
    if (scripted === 'connection_reset') return void request.socket.destroy();
    const { answer, replayed } = this.answerTo(recorded, rawBody, typeof scripted === 'object' ? scripted : undefined);
    if (scripted === 'answer_lost') return void request.socket.destroy();
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      'request-id': `req_${randomId()}`,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    response.end(JSON.stringify(answer.body));
  }

  /** A scripted answer comes first, as a Stripe outage would; then the key's first answer. */
  private answerTo(
    request: RecordedStripeRequest,
    rawBody: string,
    scripted?: StripeAnswer,
  ): { answer: StripeAnswer; replayed: boolean } {
    const route = `${request.method} ${request.path}`;
    const key = request.idempotencyKey;
    const first = key === undefined ? undefined : this.firstAnswers.get(key);
    if (first && !scripted) {
      if (first.route !== route || first.rawBody !== rawBody)
        return { answer: idempotencyError(key!), replayed: false };
      return { answer: first.answer, replayed: true };
    }
    const answer = scripted ?? this.defaultAnswer(route, request.body, key);
    if (key !== undefined && !first && isStored(answer)) this.firstAnswers.set(key, { route, rawBody, answer });
    return { answer, replayed: false };
  }

  /** Removes and answers the first entry whose match fits the request. */
  private take<T extends { match: RequestMatch }>(entries: T[], request: RecordedStripeRequest): T | undefined {
    const index = entries.findIndex(
      (entry) =>
        entry.match.route === `${request.method} ${request.path}` &&
        (entry.match.idempotencyKey === undefined || entry.match.idempotencyKey === request.idempotencyKey),
    );
    return index >= 0 ? entries.splice(index, 1)[0] : undefined;
  }

  private defaultAnswer(route: string, body: Record<string, string>, idempotencyKey?: string): StripeAnswer {
    const metadata = nested(body, 'metadata');
    switch (route) {
      case 'POST /v1/customers':
        return ok({ id: `cus_${randomId()}`, object: 'customer', livemode: false, metadata });
      case 'POST /v1/setup_intents':
        return this.setupIntent(body, metadata);
      case 'POST /v1/payment_intents':
        return this.paymentIntent(body, metadata, idempotencyKey);
      case 'POST /v1/refunds':
        return ok({
          id: `re_${randomId()}`,
          object: 'refund',
          amount: Number(body.amount),
          payment_intent: body.payment_intent ?? null,
          charge: body.charge ?? null,
          status: 'succeeded',
        });
      case 'POST /v1/transfers':
        return ok({
          id: `tr_${randomId()}`,
          object: 'transfer',
          amount: Number(body.amount),
          currency: body.currency,
          destination: body.destination,
        });
      default:
        return {
          status: 404,
          body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${route})` } },
        };
    }
  }

  private setupIntent(body: Record<string, string>, metadata: Record<string, string>): StripeAnswer {
    const name = body.payment_method;
    if (!name?.startsWith('pm_card_')) {
      return {
        status: 400,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            param: 'payment_method',
            message: `No such PaymentMethod: '${name}'`,
          },
        },
      };
    }
    const saved = `pm_1${randomId()}`;
    this.savedMethods.set(saved, name);
    return ok({
      id: `seti_${randomId()}`,
      object: 'setup_intent',
      status: 'succeeded',
      usage: body.usage,
      customer: body.customer,
      payment_method: saved,
      livemode: false,
      metadata,
    });
  }

  private paymentIntent(
    body: Record<string, string>,
    metadata: Record<string, string>,
    idempotencyKey?: string,
  ): StripeAnswer {
    const intent = {
      id: `pi_${randomId()}`,
      object: 'payment_intent',
      amount: Number(body.amount),
      currency: body.currency,
      customer: body.customer,
      payment_method: body.payment_method,
      livemode: false,
      metadata,
    };
    const decline = CHARGE_DECLINES[this.savedMethods.get(body.payment_method) ?? body.payment_method];
    const status = decline ? 'requires_payment_method' : 'succeeded';
    const { id, amount, currency } = intent;
    this.paymentIntents.push({ id, idempotencyKey, pledgeId: metadata.pledgeId, amount, currency, status });
    if (decline) return cardError({ ...decline, payment_intent: { ...intent, status } });
    return ok({ ...intent, status, latest_charge: `ch_${randomId()}` });
  }
}

/** Stripe's 402 for a card the issuer (or 3DS) refused. */
export function cardError(error: { code: string; decline_code?: string; payment_intent?: object }): StripeAnswer {
  return {
    status: 402,
    body: { error: { type: 'card_error', message: 'Your card was declined.', charge: `ch_${randomId()}`, ...error } },
  };
}

export function serverError(status = 500): StripeAnswer {
  return { status, body: { error: { type: 'api_error', message: 'Something went wrong on Stripe’s end.' } } };
}

function idempotencyError(key: string): StripeAnswer {
  return {
    status: 400,
    body: {
      error: {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with (${key}).`,
      },
    },
  };
}

function isStored(answer: StripeAnswer): boolean {
  return answer.status < 500 && answer.status !== 409 && answer.status !== 429;
}

function ok(body: object): StripeAnswer {
  return { status: 200, body };
}

function nested(body: Record<string, string>, prefix: string): Record<string, string> {
  const pattern = new RegExp(`^${prefix}\\[(\\w+)\\]$`);
  return Object.fromEntries(
    Object.entries(body).flatMap(([field, value]) => {
      const match = pattern.exec(field);
      return match ? [[match[1], value]] : [];
    }),
  );
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function randomId(): string {
  return randomBytes(12).toString('hex');
}
