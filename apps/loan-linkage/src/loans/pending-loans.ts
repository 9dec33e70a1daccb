import { EntityManager } from 'typeorm';
import { statusesBefore } from './loan-state-machine';

/** The project's loans still awaiting the round's outcome (those that may yet lapse), in id order. */
export async function pendingLoanIdsOf(manager: EntityManager, projectId: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT id FROM loans WHERE project_id = $1 AND status = ANY($2::text[]) ORDER BY id`,
    [projectId, statusesBefore('LAPSED')],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}
