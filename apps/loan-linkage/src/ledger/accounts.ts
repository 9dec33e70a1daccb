/** The loan ledger's chart of accounts: every account name the journal posts to is made here. */
export const accounts = {
  /** What a bank organisation has paid out (credit) or received (debit) through the platform. */
  bankCash: (organizationId: string): string => `bank-cash:${organizationId}`,
  /** Principal a borrower owes on a loan. */
  loanReceivable: (loanId: string): string => `loan-receivable:${loanId}`,
  /** Interest a bank earned on a loan. */
  interestIncome: (loanId: string): string => `interest-income:${loanId}`,
  /** Money a risk-compensation pool holds. */
  poolFund: (poolId: string): string => `risk-pool-fund:${poolId}`,
  /** What the pool's sponsor contributed. */
  poolSponsorCapital: (poolId: string): string => `risk-pool-sponsor:${poolId}`,
} as const;
