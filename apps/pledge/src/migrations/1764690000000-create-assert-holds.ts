import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check a statement makes of its own results: raises check_violation with `message` unless
 * `holds`. A batch of pledges sends its write and its COMMIT together, so nothing can look at
 * the write's result between the two; the write checks itself, a failed check aborts the
 * transaction, and the COMMIT then ends it as a rollback.
 */
export class CreateAssertHolds1764690000000 implements MigrationInterface {
  name = 'CreateAssertHolds1764690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION assert_holds(holds boolean, message text) RETURNS boolean LANGUAGE plpgsql AS $$
       BEGIN
         IF holds IS NOT TRUE THEN
           RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = message;
         END IF;
         RETURN true;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION assert_holds(boolean, text)`);
  }
}
