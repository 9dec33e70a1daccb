import { canMove, statusesBefore } from './loan-state-machine';

describe('loan state machine', () => {
  it('follows the api.md lifecycle', () => {
    expect(canMove('OFFERED', 'ACCEPTED')).toBe(true);
    expect(canMove('ACCEPTED', 'DISBURSED')).toBe(true);
    expect(canMove('DISBURSED', 'DEFAULTED')).toBe(true);
    expect(canMove('DEFAULTED', 'COMPENSATED')).toBe(true);
  });

  it('refuses skipping or reversing steps', () => {
    expect(canMove('OFFERED', 'DISBURSED')).toBe(false);
    expect(canMove('ACCEPTED', 'WITHDRAWN')).toBe(false);
    expect(canMove('REPAID', 'DISBURSED')).toBe(false);
    expect(canMove('DISBURSED', 'LAPSED')).toBe(false);
  });

  it('lapses only loans not yet disbursed', () => {
    expect(statusesBefore('LAPSED').sort()).toEqual(['ACCEPTED', 'OFFERED']);
  });
});
