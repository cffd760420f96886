import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBulkOperations1732500006000 implements MigrationInterface {
  name = 'CreateBulkOperations1732500006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bulk_operations (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('start', 'stop', 'restart')),
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'running', 'completed')),
        selection jsonb NOT NULL,
        total integer NOT NULL CHECK (total >= 0),
        pending integer NOT NULL CHECK (pending >= 0),
        succeeded integer NOT NULL DEFAULT 0 CHECK (succeeded >= 0),
        failed integer NOT NULL DEFAULT 0 CHECK (failed >= 0),
        actor_id text,
        idempotency_key text,
        request_hash text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        completed_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (pending + succeeded + failed = total)
      )
    `);
    // The same key from the same actor always means the same operation.
    await queryRunner.query(`
      CREATE UNIQUE INDEX bulk_operations_idempotency_key
        ON bulk_operations (actor_id, idempotency_key) WHERE idempotency_key IS NOT NULL
    `);
    await queryRunner.query(
      `CREATE INDEX bulk_operations_created_at_id_idx ON bulk_operations (created_at DESC, id DESC)`,
    );
    // No foreign key to bots: an unknown id is recorded as a failed item, and the result of an
    // operation outlives the bots it touched.
    await queryRunner.query(`
      CREATE TABLE bulk_operation_items (
        operation_id uuid NOT NULL REFERENCES bulk_operations (id) ON DELETE CASCADE,
        bot_id uuid NOT NULL,
        position integer NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'succeeded', 'failed')),
        error_code text,
        error_message text,
        finished_at timestamptz(3),
        PRIMARY KEY (operation_id, bot_id)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bulk_operation_items`);
    await queryRunner.query(`DROP TABLE bulk_operations`);
  }
}
