import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Items are settled from `bot.status` events (looked up by bot) and by a periodic sweep over
 * the pending ones; both read only pending items, a sliver of a table that keeps every result.
 */
export class IndexPendingBulkItems1732500008000 implements MigrationInterface {
  name = 'IndexPendingBulkItems1732500008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX bulk_operation_items_pending_idx ON bulk_operation_items (bot_id)
        WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bulk_operation_items_pending_idx`);
  }
}
