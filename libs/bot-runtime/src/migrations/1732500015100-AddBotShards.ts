import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sharded bots: the shard count the runtime runs a bot with (and, for `auto`, Discord's
 * recommendation and when it was read), and one status row per shard, written by its worker.
 */
export class AddBotShards1732500015100 implements MigrationInterface {
  name = 'AddBotShards1732500015100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bot_runtime_states
        ADD COLUMN shard_count integer,
        ADD COLUMN auto_shard_count integer,
        ADD COLUMN shards_resolved_at timestamptz(3)
    `);
    await queryRunner.query(`
      CREATE TABLE bot_shard_states (
        bot_id uuid NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
        shard_id integer NOT NULL CHECK (shard_id >= 0),
        shard_count integer NOT NULL CHECK (shard_count > shard_id),
        status text NOT NULL
          CHECK (status IN ('stopped', 'starting', 'online', 'reconnecting', 'error', 'unknown')),
        status_reason text,
        status_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        worker_id text,
        ping_ms integer,
        guilds integer,
        PRIMARY KEY (bot_id, shard_id)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bot_shard_states`);
    await queryRunner.query(`
      ALTER TABLE bot_runtime_states DROP COLUMN shard_count, DROP COLUMN auto_shard_count,
        DROP COLUMN shards_resolved_at
    `);
  }
}
