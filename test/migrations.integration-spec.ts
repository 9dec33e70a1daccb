import { schemaOf } from '@crowdlink/contracts';
import { databaseOptions, loadConfig } from '@crowdlink/platform';
import { createTestDatabase } from '@crowdlink/testing';
import { DataSource } from 'typeorm';
import { ALL_SERVICES } from './setup/service-definitions';

/*
 * Every service's migrations have a `down` that works: on a database migrated to the end (a copy
 * of the run's template), each service's migrations are undone one by one down to an empty
 * schema, then applied again to the same tables (storage settings included), indexes and constraints.
 */

let url: string;

beforeAll(async () => {
  url = await createTestDatabase();
});

describe.each(ALL_SERVICES.map((service) => [service.name, service] as const))('%s migrations', (_name, service) => {
  it('undo to an empty schema and apply again to the same one', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_POOL_SIZE: '2' });
    const dataSource = await new DataSource(databaseOptions(config, service)).initialize();
    try {
      const schema = schemaOf(service.name);
      const migrated = await shapeOf(dataSource, schema);
      expect(migrated.length).toBeGreaterThan(1);

      for (let left = service.migrations.length; left > 0; left -= 1) await dataSource.undoLastMigration();
      expect(await shapeOf(dataSource, schema)).toEqual([]);

      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(service.migrations.length);
      expect(await shapeOf(dataSource, schema)).toEqual(migrated);
    } finally {
      await dataSource.destroy();
    }
  });
});

/** The schema's tables (with their storage settings), indexes and constraints, apart from TypeORM's own `migrations` table. */
async function shapeOf(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT 'table ' || c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), '') AS item
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> 'migrations'
     UNION ALL SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
      WHERE schemaname = $1 AND tablename <> 'migrations'
     UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(c.oid)
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = $1 AND c.conrelid <> ALL (SELECT oid FROM pg_class WHERE relname = 'migrations')
     ORDER BY 1`,
    [schema],
  )) as { item: string }[];
  return rows.map((row) => row.item);
}
