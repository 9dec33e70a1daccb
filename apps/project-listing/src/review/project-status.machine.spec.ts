import { PROJECT_STATUSES } from '../projects/project.model';
import { nextStatus, PROJECT_TRANSITIONS, ProjectAction } from './project-status.machine';

describe(nextStatus.name, () => {
  it.each([
    ['DRAFT', 'submit', 'SUBMITTED'],
    ['CHANGES_REQUESTED', 'submit', 'SUBMITTED'],
    ['SUBMITTED', 'approve', 'APPROVED'],
    ['SUBMITTED', 'request_changes', 'CHANGES_REQUESTED'],
    ['SUBMITTED', 'reject', 'REJECTED'],
    ['APPROVED', 'go_live', 'LIVE'],
    ['LIVE', 'withdraw', 'WITHDRAWN'],
    ['LIVE', 'fund', 'FUNDED'],
    ['LIVE', 'fail', 'FAILED'],
  ] as const)('moves %s by %s to %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('lets nothing leave REJECTED, WITHDRAWN, FUNDED or FAILED', () => {
    for (const from of ['REJECTED', 'WITHDRAWN', 'FUNDED', 'FAILED'] as const) {
      for (const action of Object.keys(PROJECT_TRANSITIONS) as ProjectAction[]) {
        expect(nextStatus(from, action)).toBeUndefined();
      }
    }
  });

  it('approves only submitted projects', () => {
    const approvable = PROJECT_STATUSES.filter((status) => nextStatus(status, 'approve') !== undefined);
    expect(approvable).toEqual(['SUBMITTED']);
  });
});
