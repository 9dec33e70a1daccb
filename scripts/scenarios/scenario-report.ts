/*
 * What a scenario tells its audience about each step: who did it, what they asked the
 * marketplace and what it answered. The demo prints it; the e2e suite keeps it as the
 * transcript of a failure.
 */

export type Role = 'founder' | 'investor' | 'bank' | 'appraiser' | 'admin';

/** Someone signed in to the marketplace, with the name the transcript calls them by. */
export interface Actor {
  name: string;
  role: Role;
  id: string;
  token: string;
  organizationId?: string;
}

export interface StepReport {
  /** "Fiona Chen (founder)", or "anyone" for a public call. */
  actor: string;
  /** What the actor does, in the words of the marketplace's users. */
  action: string;
  request: { method: string; path: string; body?: unknown };
  /** `told`: the answer in the users' words, when the step has them. */
  answer: { status: number; body: unknown; told?: string };
  /** Set when the step waited for the marketplace to catch up (an event between services). */
  waitedMs?: number;
}

export type Reporter = (step: StepReport) => void;

export function describeActor(actor: Pick<Actor, 'name' | 'role'>): string {
  return `${actor.name} (${actor.role})`;
}

/** A step the marketplace did not answer as the scenario needs; says what was asked and answered. */
export class ScenarioStepError extends Error {
  constructor(
    readonly step: StepReport,
    expected: string,
  ) {
    super(
      `${step.actor} ${step.action}: ${step.request.method} ${step.request.path} answered ${step.answer.status} ` +
        `${JSON.stringify(step.answer.body)}; expected ${expected}`,
    );
    this.name = 'ScenarioStepError';
  }
}
