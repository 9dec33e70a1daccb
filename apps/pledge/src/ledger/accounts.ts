/** The ledger's chart of accounts: every account name the journal posts to is made here. */
export const accounts = {
  /** Money held at the payment provider on the platform's behalf. */
  pspCash: 'psp-cash',
  /** Investors' money held for a campaign until it settles or is refunded. */
  escrow: (projectId: string): string => `escrow:${projectId}`,
  /** What the platform owes a funded startup until it is paid out. */
  startupPayable: (projectId: string): string => `startup-payable:${projectId}`,
  platformFeeRevenue: 'platform-fee-revenue',
} as const;
