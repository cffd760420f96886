import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many gateway shards a bot runs with: a fixed number, or NULL for `auto` (Discord's
 * recommendation from `GET /gateway/bot`). Existing bots keep one shard, as they ran before.
 */
export class AddBotShardCount1732500015000 implements MigrationInterface {
  name = 'AddBotShardCount1732500015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE bots ADD COLUMN shard_count integer DEFAULT 1
         CONSTRAINT bots_shard_count_range CHECK (shard_count BETWEEN 1 AND 1024)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE bots DROP COLUMN shard_count`);
  }
}
