import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER } from '@crowdlink/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { INBOX_RETENTION_DAYS, JANITOR_INTERVAL_MS, OUTBOX_RETENTION_DAYS } from './messaging.constants';

/**
 * Keeps the outbox and inbox from growing without end. Sent outbox rows are kept a week for
 * inspection; inbox ids a month, far longer than any redelivery (BullMQ retries take hours).
 */
@Injectable()
export class MessagingJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), JANITOR_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<{ outbox: number; inbox: number }> {
    try {
      const [, outbox] = await this.dataSource.query(
        `DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)`,
        [OUTBOX_RETENTION_DAYS],
      );
      const [, inbox] = await this.dataSource.query(
        `DELETE FROM inbox WHERE created_at < now() - make_interval(days => $1)`,
        [INBOX_RETENTION_DAYS],
      );
      return { outbox, inbox };
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'messaging sweep failed');
      return { outbox: 0, inbox: 0 };
    }
  }
}
