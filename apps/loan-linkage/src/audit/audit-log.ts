import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@crowdlink/auth';
import { newId } from '@crowdlink/domain';
import { idCursor, pageOf } from '@crowdlink/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditPageDto } from './dto/audit-entry.dto';

export type AuditSubject = 'ip-asset' | 'loan' | 'risk-pool' | 'clock';

interface AuditRow {
  id: string;
  actor_id: string;
  actor_role: string;
  organization_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Records a bank, appraiser or admin action in the caller's transaction, so the log holds
 * exactly the actions that took effect (architecture.md: "Admin and bank actions that touch
 * money or collateral are written to an audit log").
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    manager: EntityManager,
    actor: AuthenticatedUser,
    action: string,
    subject: { type: AuditSubject; id: string },
    details: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (id, actor_id, actor_role, organization_id, action, subject_type, subject_id, details,
                              occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        newId(),
        actor.id,
        actor.role,
        actor.organizationId ?? null,
        action,
        subject.type,
        subject.id,
        JSON.stringify(details),
        at.toISOString(),
      ],
    );
  }

  /** Newest first, optionally one actor's. */
  async page(limit: number, cursor?: string, actorId?: string): Promise<AuditPageDto> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM audit_log
        WHERE ($1::uuid IS NULL OR id < $1::uuid) AND ($2::uuid IS NULL OR actor_id = $2::uuid)
        ORDER BY id DESC LIMIT $3`,
      [idCursor(cursor), actorId ?? null, limit + 1],
    )) as AuditRow[];
    const page = pageOf(rows, limit, (last) => last.id);
    return {
      ...page,
      items: page.items.map((row) => ({
        id: row.id,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        organizationId: row.organization_id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        details: row.details,
        at: row.occurred_at.toISOString(),
      })),
    };
  }
}
