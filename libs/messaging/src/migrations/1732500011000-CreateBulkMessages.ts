import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message operation: the operation row (bulk_operations, kind `message`), the message it
 * sends, and one delivery per target — the durable state that makes each target get the
 * message exactly once.
 */
export class CreateBulkMessages1732500011000 implements MigrationInterface {
  name = 'CreateBulkMessages1732500011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bulk_messages (
        operation_id uuid PRIMARY KEY REFERENCES bulk_operations (id) ON DELETE CASCADE,
        message jsonb NOT NULL,
        send_at timestamptz(3),
        released_at timestamptz(3)
      )
    `);
    // No foreign key to bots: a delivery's result outlives the bot, like bulk items.
    await queryRunner.query(`
      CREATE TABLE message_deliveries (
        id uuid PRIMARY KEY,
        operation_id uuid NOT NULL REFERENCES bulk_operations (id) ON DELETE CASCADE,
        position integer NOT NULL,
        bot_id uuid NOT NULL,
        channel_id text,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        claimed_by text,
        message_id text,
        error_code text,
        error_message text,
        finished_at timestamptz(3)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX message_deliveries_page_idx ON message_deliveries (operation_id, position, id)`,
    );
    // What a bot's sender claims from, and what the sweeps look at: the unfinished sliver.
    await queryRunner.query(`
      CREATE INDEX message_deliveries_open_idx ON message_deliveries (bot_id, channel_id, next_attempt_at)
        WHERE status IN ('pending', 'sending')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE message_deliveries`);
    await queryRunner.query(`DROP TABLE bulk_messages`);
  }
}
