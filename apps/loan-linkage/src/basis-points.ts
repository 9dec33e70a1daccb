/** Basis points in a whole (100%): rates, shares and caps are whole numbers of 1/10 000. */
export const BPS_PER_WHOLE = 10_000;
