import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk messaging reuses the operations table: a `message` kind (its per-target results live in
 * the messaging lib's own table) and a `cancelled` status for an operation stopped before all
 * of it was done.
 */
export class OpenBulkOperationsToMessages1732500008500 implements MigrationInterface {
  name = 'OpenBulkOperationsToMessages1732500008500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bulk_operations
        DROP CONSTRAINT bulk_operations_kind_check,
        ADD CONSTRAINT bulk_operations_kind_check
          CHECK (kind IN ('start', 'stop', 'restart', 'message')),
        DROP CONSTRAINT bulk_operations_status_check,
        ADD CONSTRAINT bulk_operations_status_check
          CHECK (status IN ('pending', 'running', 'completed', 'cancelled'))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bulk_operations
        DROP CONSTRAINT bulk_operations_kind_check,
        ADD CONSTRAINT bulk_operations_kind_check CHECK (kind IN ('start', 'stop', 'restart')),
        DROP CONSTRAINT bulk_operations_status_check,
        ADD CONSTRAINT bulk_operations_status_check
          CHECK (status IN ('pending', 'running', 'completed'))
    `);
  }
}
