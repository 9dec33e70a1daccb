import { MigrationInterface, QueryRunner } from 'typeorm';

/** The version of the pledge service's campaign that raised / pledge_count come from. */
export class AddFundingVersion1764190000000 implements MigrationInterface {
  name = 'AddFundingVersion1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE projects ADD COLUMN funding_version bigint NOT NULL DEFAULT 0 CHECK (funding_version >= 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN funding_version`);
  }
}
