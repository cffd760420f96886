import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBots1732500002000 implements MigrationInterface {
  name = 'CreateBots1732500002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bots (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        token_key_id text NOT NULL,
        token_sealed bytea NOT NULL,
        token_last4 text NOT NULL,
        application_id text,
        bot_user_id text,
        bot_username text,
        validated_at timestamptz(3),
        intents text[] NOT NULL DEFAULT '{Guilds}',
        dev_guild_ids text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}',
        desired_state text NOT NULL DEFAULT 'stopped'
          CHECK (desired_state IN ('running', 'stopped')),
        status text NOT NULL DEFAULT 'stopped'
          CHECK (status IN ('stopped', 'starting', 'online', 'reconnecting', 'error')),
        status_reason text,
        status_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX bots_name_key ON bots (lower(name))`);
    await queryRunner.query(
      `CREATE INDEX bots_created_at_id_idx ON bots (created_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX bots_status_idx ON bots (status)`);
    await queryRunner.query(`CREATE INDEX bots_tags_idx ON bots USING gin (tags)`);
    await queryRunner.query(`CREATE INDEX bots_desired_state_idx ON bots (desired_state)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bots`);
  }
}
