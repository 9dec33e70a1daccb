/** An instalment's amounts and what has been paid on it, minor units. */
export interface InstalmentBalance {
  seq: number;
  principal: bigint;
  interest: bigint;
  paid: bigint;
}

export interface Allocation {
  seq: number;
  /** Paid on this instalment by this repayment. */
  amount: bigint;
  principalPart: bigint;
  interestPart: bigint;
}

/**
 * Applies a repayment to the oldest unpaid instalment first; within an instalment, interest
 * is settled before principal (so principal repaid = max(0, paid − interest)). Refuses more
 * than is owed.
 */
export function allocateRepayment(amount: bigint, instalments: InstalmentBalance[]): Allocation[] {
  let left = amount;
  const allocations: Allocation[] = [];
  for (const instalment of [...instalments].sort((a, b) => a.seq - b.seq)) {
    if (left === 0n) break;
    const owed = instalment.principal + instalment.interest - instalment.paid;
    if (owed <= 0n) continue;
    const paying = left < owed ? left : owed;
    const interestOwed = instalment.interest > instalment.paid ? instalment.interest - instalment.paid : 0n;
    const interestPart = paying < interestOwed ? paying : interestOwed;
    allocations.push({ seq: instalment.seq, amount: paying, interestPart, principalPart: paying - interestPart });
    left -= paying;
  }
  if (left > 0n) throw new RangeError(`The repayment is ${left} more than is owed`);
  return allocations;
}
