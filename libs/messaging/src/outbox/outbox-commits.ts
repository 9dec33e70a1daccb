import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Tells this process's relay when one of its transactions that wrote outbox rows has
 * committed, so the rows go out at once rather than at the relay's next poll; an idle relay
 * can then poll rarely. The poll remains for rows no commit here announced: another
 * replica's whose relay stopped, and rows waiting for a retry.
 */
@Injectable()
export class OutboxCommits implements EntitySubscriberInterface {
  private readonly writers = new WeakSet<QueryRunner>();
  private listener?: () => void;

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** `manager`'s transaction has written outbox rows. */
  wrote(manager: EntityManager): void {
    if (manager.queryRunner) this.writers.add(manager.queryRunner);
  }

  onCommit(listener: () => void): void {
    this.listener = listener;
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // a released savepoint reports a commit too: the rows are visible once the outermost one commits
    if (queryRunner.isTransactionActive || !this.writers.delete(queryRunner)) return;
    this.listener?.();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.writers.delete(queryRunner);
  }
}
