import { Actor, describeActor, Reporter, ScenarioStepError, StepReport } from './scenario-report';

export interface Step<T> {
  by?: Actor;
  /** Who acts when not signed in yet ("Fiona Chen (founder)"); "anyone" when left out. */
  who?: string;
  /** What the actor does, for the transcript ("pledges $150.00"). */
  does: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status that means the step succeeded. */
  expect: number;
  /** For a read: ask again until the answer shows this (the news is still travelling between services). */
  until?: (body: T) => boolean;
  /** Error codes that mean "not yet" for the same reason; the request is repeated. */
  retryOn?: readonly string[];
  timeoutMs?: number;
  /** The answer in the users' words, for the transcript ("COMMITTED, 6,000 shares"). */
  tells?: (body: T) => string;
}

const REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_WAIT_MS = 30_000;
const RETRY_INTERVAL_MS = 100;

/**
 * The marketplace's public HTTP API as its users call it, through the gateway. Every step
 * is reported once, with its final answer; a step that cannot succeed throws with both
 * the request and the answer.
 */
export class MarketplaceClient {
  constructor(
    readonly baseUrl: string,
    private readonly report: Reporter,
  ) {}

  async send<T>(step: Step<T>): Promise<T> {
    const startedAt = Date.now();
    const deadline = startedAt + (step.timeoutMs ?? DEFAULT_WAIT_MS);
    for (;;) {
      const answer = await this.exchange(step);
      const succeeded = answer.status === step.expect;
      if (succeeded && (!step.until || step.until(answer.body as T))) {
        this.report(this.reportOf(step, answer, startedAt));
        return answer.body as T;
      }
      const notYet = succeeded || step.retryOn?.includes(codeOf(answer.body)) === true;
      if (!notYet || Date.now() >= deadline) {
        const report = this.reportOf(step, answer, startedAt);
        this.report(report);
        throw new ScenarioStepError(report, succeeded ? `an answer that ${step.does}` : `status ${step.expect}`);
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_INTERVAL_MS));
    }
  }

  private async exchange<T>(step: Step<T>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}${step.path}`, {
      method: step.method,
      headers: {
        ...(step.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(step.by ? { authorization: `Bearer ${step.by.token}` } : {}),
        ...step.headers,
      },
      body: step.body === undefined ? undefined : JSON.stringify(step.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: response.status, body: parsed(await response.text()) };
  }

  private reportOf<T>(step: Step<T>, answer: StepReport['answer'], startedAt: number): StepReport {
    const waitedMs = Date.now() - startedAt;
    const told = answer.status === step.expect && step.tells ? { told: step.tells(answer.body as T) } : {};
    return {
      actor: step.by ? describeActor(step.by) : (step.who ?? 'anyone'),
      action: step.does,
      request: { method: step.method, path: step.path, ...(step.body === undefined ? {} : { body: step.body }) },
      answer: { ...answer, ...told },
      ...(step.until || step.retryOn ? { waitedMs } : {}),
    };
  }
}

/** JSON as the API answers it; anything else (a proxy's error page) as its text. */
function parsed(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function codeOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : '';
}
