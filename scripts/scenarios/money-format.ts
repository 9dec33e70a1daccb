const SYMBOLS: Record<string, string> = { USD: '$', CNY: '¥', EUR: '€' };

/** Minor units as people read them: 1234567 USD → "$12,345.67". */
export function formatMoney(amount: number, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const minor = Math.abs(amount);
  const units = Math.floor(minor / 100).toLocaleString('en-US');
  const cents = String(minor % 100).padStart(2, '0');
  return `${sign}${SYMBOLS[currency] ?? `${currency} `}${units}.${cents}`;
}
