import { Injectable } from '@nestjs/common';
import { newId } from '@crowdlink/domain';
import { EntityManager } from 'typeorm';
import { accounts } from './accounts';

export interface PledgeMovement {
  pledgeId: string;
  projectId: string;
  currency: string;
  amount: number;
  at: Date;
}

export interface Settlement {
  projectId: string;
  currency: string;
  raised: number;
  platformFee: number;
  at: Date;
}

export interface Payout {
  projectId: string;
  currency: string;
  amount: number;
  at: Date;
}

interface JournalLine {
  account: string;
  debit: number;
  credit: number;
}

interface JournalEntry {
  reference: string;
  kind: 'CHARGE' | 'REFUND' | 'SETTLEMENT' | 'PAYOUT';
  currency: string;
  at: Date;
  lines: JournalLine[];
}

const debit = (account: string, amount: number): JournalLine => ({ account, debit: amount, credit: 0 });
const credit = (account: string, amount: number): JournalLine => ({ account, debit: 0, credit: amount });

/**
 * The double-entry journal of every money movement. Each method posts one balanced entry in
 * the caller's transaction, so the movement and its record commit together. The entry's
 * unique reference makes a retried or redelivered movement a no-op (false), and the database
 * refuses at commit any entry whose debits and credits differ.
 */
@Injectable()
export class Journal {
  recordCharge(manager: EntityManager, charge: PledgeMovement): Promise<boolean> {
    return this.post(manager, chargeEntry(`charge:${charge.pledgeId}`, charge));
  }

  recordRefund(manager: EntityManager, refund: PledgeMovement): Promise<boolean> {
    return this.post(manager, refundEntry(`refund:${refund.pledgeId}`, refund));
  }

  /**
   * A charge the pledge does not keep, and its refund: both are shown, keyed by the provider's
   * charge, since one pledge may have several (an older attempt confirmed after a newer one).
   */
  async recordOrphanRefund(manager: EntityManager, orphan: PledgeMovement & { chargeRef: string }): Promise<boolean> {
    const key = `${orphan.pledgeId}:${orphan.chargeRef}`;
    const charged = await this.post(manager, chargeEntry(`charge:${key}`, orphan));
    const refunded = await this.post(manager, refundEntry(`refund:${key}`, orphan));
    return charged && refunded;
  }

  recordSettlement(manager: EntityManager, settlement: Settlement): Promise<boolean> {
    const { projectId, currency, raised, platformFee, at } = settlement;
    if (!Number.isSafeInteger(platformFee) || platformFee < 0 || platformFee > raised) {
      throw new RangeError(`The platform fee must be an integer from 0 to ${raised}: ${platformFee}`);
    }
    const lines = [
      debit(accounts.escrow(projectId), raised),
      credit(accounts.startupPayable(projectId), raised - platformFee),
      credit(accounts.platformFeeRevenue, platformFee),
    ];
    return this.post(manager, {
      reference: `settlement:${projectId}`,
      kind: 'SETTLEMENT',
      currency,
      at,
      lines: lines.filter((line) => line.debit + line.credit > 0),
    });
  }

  recordPayout(manager: EntityManager, payout: Payout): Promise<boolean> {
    const { projectId, currency, amount, at } = payout;
    return this.post(manager, {
      reference: `payout:${projectId}`,
      kind: 'PAYOUT',
      currency,
      at,
      lines: [debit(accounts.startupPayable(projectId), amount), credit(accounts.pspCash, amount)],
    });
  }

  private async post(manager: EntityManager, entry: JournalEntry): Promise<boolean> {
    assertPostable(entry);
    const entryId = newId();
    const inserted = (await manager.query(
      `INSERT INTO journal_entries (id, reference, kind, currency, occurred_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (reference) DO NOTHING
       RETURNING id`,
      [entryId, entry.reference, entry.kind, entry.currency, entry.at.toISOString()],
    )) as unknown[];
    if (inserted.length === 0) return false;
    for (const line of entry.lines) {
      await manager.query(
        `INSERT INTO journal_lines (id, entry_id, account, debit, credit, currency) VALUES ($1, $2, $3, $4, $5, $6)`,
        [newId(), entryId, line.account, line.debit, line.credit, entry.currency],
      );
    }
    return true;
  }
}

function chargeEntry(reference: string, { projectId, currency, amount, at }: PledgeMovement): JournalEntry {
  const lines = [debit(accounts.pspCash, amount), credit(accounts.escrow(projectId), amount)];
  return { reference, kind: 'CHARGE', currency, at, lines };
}

function refundEntry(reference: string, { projectId, currency, amount, at }: PledgeMovement): JournalEntry {
  const lines = [debit(accounts.escrow(projectId), amount), credit(accounts.pspCash, amount)];
  return { reference, kind: 'REFUND', currency, at, lines };
}

/** Fails fast on a programming error, before the database's deferred check would at commit. */
function assertPostable(entry: JournalEntry): void {
  for (const { account, debit: dr, credit: cr } of entry.lines) {
    if (![dr, cr].every((amount) => Number.isSafeInteger(amount) && amount >= 0) || dr + cr <= 0) {
      throw new RangeError(`${entry.reference}: ${account} needs a positive integer amount (minor units)`);
    }
  }
  const debits = entry.lines.reduce((sum, line) => sum + line.debit, 0);
  const credits = entry.lines.reduce((sum, line) => sum + line.credit, 0);
  if (debits !== credits) throw new RangeError(`${entry.reference} does not balance: ${debits} ≠ ${credits}`);
}
