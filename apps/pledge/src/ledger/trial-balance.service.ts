import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountBalanceDto, CurrencyTotalsDto, TrialBalanceDto } from './dto/trial-balance.dto';

interface AccountRow {
  account: string;
  currency: string;
  debit: string;
  credit: string;
}

/** The trial balance: the journal's debits and credits summed by the database, per currency and per account. */
@Injectable()
export class TrialBalanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(): Promise<TrialBalanceDto> {
    const rows = (await this.dataSource.query(
      `SELECT account, trim(currency) AS currency, sum(debit)::text AS debit, sum(credit)::text AS credit
         FROM journal_lines GROUP BY account, currency ORDER BY account, currency`,
    )) as AccountRow[];
    const accounts = rows.map(toAccountBalance);
    const currencies = totalsPerCurrency(accounts);
    return { currencies, balanced: currencies.every((totals) => totals.balanced), accounts };
  }
}

function toAccountBalance(row: AccountRow): AccountBalanceDto {
  const debit = Number(row.debit);
  const credit = Number(row.credit);
  return { account: row.account, currency: row.currency, debit, credit, balance: debit - credit };
}

function totalsPerCurrency(accounts: AccountBalanceDto[]): CurrencyTotalsDto[] {
  const totals = new Map<string, { debits: number; credits: number }>();
  for (const { currency, debit, credit } of accounts) {
    const sum = totals.get(currency) ?? { debits: 0, credits: 0 };
    totals.set(currency, { debits: sum.debits + debit, credits: sum.credits + credit });
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { debits, credits }]) => ({ currency, debits, credits, balanced: debits === credits }));
}
