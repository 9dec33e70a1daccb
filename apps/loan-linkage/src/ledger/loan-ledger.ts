import { Injectable } from '@nestjs/common';
import { newId } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';

export type JournalKind = 'DISBURSEMENT' | 'REPAYMENT' | 'POOL_FUNDING' | 'COMPENSATION';

export interface JournalLine {
  account: string;
  debit?: bigint;
  credit?: bigint;
}

export interface JournalEntry {
  kind: JournalKind;
  referenceId: string;
  currency: string;
  occurredAt: Date;
  lines: JournalLine[];
}

/**
 * Posts balanced journal entries in the caller's transaction. The database refuses to commit
 * an unbalanced entry (a deferred constraint trigger); checking here too names the bug early.
 */
@Injectable()
export class LoanLedger {
  async post(manager: EntityManager, entry: JournalEntry): Promise<void> {
    const lines = entry.lines.filter((line) => (line.debit ?? 0n) > 0n || (line.credit ?? 0n) > 0n);
    const debits = lines.reduce((sum, line) => sum + (line.debit ?? 0n), 0n);
    const credits = lines.reduce((sum, line) => sum + (line.credit ?? 0n), 0n);
    if (debits !== credits || debits === 0n) {
      throw new Error(`Unbalanced ${entry.kind} entry for ${entry.referenceId}: ${debits} ≠ ${credits}`);
    }
    const entryId = newId();
    await manager.query(
      `INSERT INTO journal_entries (id, kind, reference_id, currency, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
      [entryId, entry.kind, entry.referenceId, entry.currency, entry.occurredAt.toISOString()],
    );
    for (const line of lines) {
      await manager.query(
        `INSERT INTO journal_lines (id, entry_id, account, debit, credit) VALUES ($1, $2, $3, $4, $5)`,
        [newId(), entryId, line.account, (line.debit ?? 0n).toString(), (line.credit ?? 0n).toString()],
      );
    }
  }
}
