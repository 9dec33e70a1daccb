import { allocateRepayment } from './repayment-allocation';

const schedule = [
  { seq: 2, principal: 90n, interest: 5n, paid: 0n },
  { seq: 1, principal: 80n, interest: 10n, paid: 0n },
];

describe(allocateRepayment.name, () => {
  it('pays the oldest instalment first, interest before principal', () => {
    expect(allocateRepayment(100n, schedule)).toEqual([
      { seq: 1, amount: 90n, interestPart: 10n, principalPart: 80n },
      { seq: 2, amount: 10n, interestPart: 5n, principalPart: 5n },
    ]);
  });

  it('continues an instalment already partly paid', () => {
    const partly = [{ seq: 1, principal: 80n, interest: 10n, paid: 7n }];
    expect(allocateRepayment(5n, partly)).toEqual([{ seq: 1, amount: 5n, interestPart: 3n, principalPart: 2n }]);
  });

  it('refuses more than is owed', () => {
    expect(() => allocateRepayment(186n, schedule)).toThrow(RangeError);
  });
});
