import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, CLOCK } from '@crowdlink/domain';
import { pageOf } from '@crowdlink/platform';
import { DataSource } from 'typeorm';
import { MarkedReadDto, NotificationDto, NotificationPageDto } from './dto/notification.dto';
import { decodeCursor, encodeCursor } from './notification-cursor';
import { NotificationRow } from './notification.model';
import { NotificationNotFoundException } from './notifications.exceptions';

const COLUMNS = `id, type, title, body, data, created_at, read_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key`;

/** Each user's own notifications: every query is scoped by the caller's id. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Newest first; keyset pages on (created_at, id), served by the (user_id, created_at, id) index. */
  async list(
    userId: string,
    { limit, cursor, unread }: { limit: number; cursor?: string; unread?: boolean },
  ): Promise<NotificationPageDto> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const params: unknown[] = [userId, limit + 1];
    const conditions = ['user_id = $1'];
    if (unread) conditions.push('read_at IS NULL');
    if (after) {
      params.push(after.createdAt, after.id);
      conditions.push(`(created_at, id) < ($3::timestamptz, $4::uuid)`);
    }
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM notifications WHERE ${conditions.join(' AND ')}
         ORDER BY created_at DESC, id DESC LIMIT $2`,
        params,
      ) as Promise<NotificationRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
        userId,
      ]) as Promise<{ n: number }[]>,
    ]);
    const page = pageOf(rows, limit, (last) => encodeCursor({ createdAt: last.created_key, id: last.id }));
    return {
      items: page.items.map((row) => NotificationDto.of(row)),
      nextCursor: page.nextCursor,
      unreadCount: counted[0]!.n,
    };
  }

  /** Idempotent: a second call keeps the first read time. Someone else's is not found. */
  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, $3), updated_at = now()
        WHERE id = $1 AND user_id = $2
        RETURNING ${COLUMNS}`,
      [id, userId, this.clock.now()],
    )) as [NotificationRow[], number];
    const row = rows[0];
    if (!row) throw new NotificationNotFoundException();
    return NotificationDto.of(row);
  }

  async markAllRead(userId: string): Promise<MarkedReadDto> {
    const [, marked] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = $2, updated_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId, this.clock.now()],
    )) as [unknown[], number];
    return { marked };
  }
}
