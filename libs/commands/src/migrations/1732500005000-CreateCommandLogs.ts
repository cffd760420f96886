import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCommandLogs1732500005000 implements MigrationInterface {
  name = 'CreateCommandLogs1732500005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key to bots: the history outlives a deleted bot configuration.
    await queryRunner.query(`
      CREATE TABLE command_logs (
        interaction_id text PRIMARY KEY,
        bot_id uuid NOT NULL,
        guild_id text,
        channel_id text,
        user_id text NOT NULL,
        command text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL
          CHECK (status IN ('started', 'success', 'error', 'timed_out', 'rate_limited')),
        error_code text,
        duration_ms integer CHECK (duration_ms >= 0),
        deferred boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3)
      )
    `);
    // /logs/recent and the stats time range.
    await queryRunner.query(
      `CREATE INDEX command_logs_created_at_idx ON command_logs (created_at DESC, interaction_id DESC)`,
    );
    // /logs/user/:userId, newest first.
    await queryRunner.query(
      `CREATE INDEX command_logs_user_idx
         ON command_logs (user_id, created_at DESC, interaction_id DESC)`,
    );
    // /logs/failed: a partial index keeps it small (most commands succeed).
    await queryRunner.query(
      `CREATE INDEX command_logs_failed_idx ON command_logs (created_at DESC, interaction_id DESC)
         WHERE status IN ('error', 'timed_out', 'rate_limited')`,
    );
    // Stats for one bot over a time range.
    await queryRunner.query(
      `CREATE INDEX command_logs_bot_idx ON command_logs (bot_id, created_at)`,
    );
    // The sweeper only ever looks at open commands.
    await queryRunner.query(
      `CREATE INDEX command_logs_open_idx ON command_logs (created_at) WHERE status = 'started'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE command_logs`);
  }
}
