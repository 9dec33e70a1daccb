import { ProjectStatus } from '../projects/project.model';

/**
 * Every legal move of a project's status, in one table (api.md "Projects"):
 * DRAFT → SUBMITTED → (CHANGES_REQUESTED → SUBMITTED)* → APPROVED → LIVE → FUNDED | FAILED;
 * REJECTED and WITHDRAWN end it. Anything not listed here is an illegal transition.
 */
export const PROJECT_TRANSITIONS = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED' },
  request_changes: { from: ['SUBMITTED'], to: 'CHANGES_REQUESTED' },
  reject: { from: ['SUBMITTED'], to: 'REJECTED' },
  go_live: { from: ['APPROVED'], to: 'LIVE' },
  // "before the close": the time check is the review service's, the status check is here
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'LIVE'], to: 'WITHDRAWN' },
  // decided by the pledge service at the close; listed so the table is the whole story
  fund: { from: ['LIVE'], to: 'FUNDED' },
  fail: { from: ['LIVE'], to: 'FAILED' },
} as const satisfies Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus }>;

export type ProjectAction = keyof typeof PROJECT_TRANSITIONS;

/** The status an action leads to from `from`, or undefined when the action is illegal there. */
export function nextStatus(from: ProjectStatus, action: ProjectAction): ProjectStatus | undefined {
  const transition = PROJECT_TRANSITIONS[action];
  return (transition.from as readonly ProjectStatus[]).includes(from) ? transition.to : undefined;
}
