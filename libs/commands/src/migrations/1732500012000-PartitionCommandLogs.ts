import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `interaction_id, bot_id, guild_id, channel_id, user_id, command, options, status,
  error_code, duration_ms, deferred, created_at, finished_at`;

/**
 * Makes `command_logs` a table partitioned by day (UTC) and searchable.
 *
 * - Retention drops whole day partitions: no DELETE, no bloat, no vacuum debt, and the writer
 *   only meets a lock for the instant the partition leaves the table.
 * - A default partition catches rows whose day has no partition yet (a clock far off, a
 *   replay of old entries), so a write never fails for want of one; creating that day's
 *   partition later moves them in (`command_logs_add_partition`).
 * - The primary key has to hold the partition key: `(interaction_id, created_at)`. The start
 *   and the end of an interaction carry the same `created_at`, so the writer's upsert still
 *   meets its row, in whichever partition it lives.
 * - `search` is the full-text document (config `simple`: command names, option values, error
 *   codes and user names are identifiers, not English prose, so no stemming or stop words).
 * - Existing rows are copied across; their days get partitions of their own.
 */
export class PartitionCommandLogs1732500012000 implements MigrationInterface {
  name = 'PartitionCommandLogs1732500012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE command_logs RENAME TO command_logs_unpartitioned`);
    await queryRunner.query(
      `ALTER TABLE command_logs_unpartitioned DROP CONSTRAINT command_logs_pkey`,
    );
    for (const index of ['created_at', 'user', 'failed', 'bot', 'open']) {
      await queryRunner.query(`DROP INDEX command_logs_${index}_idx`);
    }
    await queryRunner.query(`
      CREATE TABLE command_logs (
        interaction_id text NOT NULL,
        bot_id uuid NOT NULL,
        guild_id text,
        channel_id text,
        user_id text NOT NULL,
        user_name text,
        command text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL
          CHECK (status IN ('started', 'success', 'error', 'timed_out', 'rate_limited')),
        error_code text,
        error_message text,
        duration_ms integer CHECK (duration_ms >= 0),
        deferred boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3),
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple',
            command || ' ' || coalesce(error_code, '') || ' ' || coalesce(error_message, '')
              || ' ' || coalesce(user_name, ''))
          || jsonb_to_tsvector('simple', options, '["string", "numeric"]')
        ) STORED,
        CONSTRAINT command_logs_pkey PRIMARY KEY (interaction_id, created_at)
      ) PARTITION BY RANGE (created_at)
    `);
    await queryRunner.query(`CREATE TABLE command_logs_default PARTITION OF command_logs DEFAULT`);
    await queryRunner.query(`
      CREATE FUNCTION command_logs_add_partition(day date) RETURNS boolean
      LANGUAGE plpgsql AS $$
      DECLARE
        part text := 'command_logs_p' || to_char(day, 'YYYYMMDD');
        low timestamptz := day::timestamp AT TIME ZONE 'UTC';
        high timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
      BEGIN
        IF to_regclass(part) IS NOT NULL THEN
          RETURN false;
        END IF;
        -- CREATE ... PARTITION OF would lock the whole table; a separate table attached
        -- afterwards only takes SHARE UPDATE EXCLUSIVE on it, which writers do not wait for.
        EXECUTE format(
          'CREATE TABLE %I (LIKE command_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)',
          part);
        -- The bound as a constraint lets ATTACH skip scanning the new table.
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (created_at >= %L AND created_at < %L)',
          part, part || '_bound', low, high);
        -- Rows that reached the default partition before their day had one move in with it.
        EXECUTE format(
          'WITH moved AS (DELETE FROM command_logs_default WHERE created_at >= $1 AND created_at < $2
             RETURNING ${COLUMNS.replace(/\s+/g, ' ')}, user_name, error_message)
           INSERT INTO %I (${COLUMNS.replace(/\s+/g, ' ')}, user_name, error_message)
           SELECT * FROM moved', part) USING low, high;
        EXECUTE format('ALTER TABLE command_logs ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
          part, low, high);
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_bound');
        RETURN true;
      END
      $$
    `);
    // The days that hold rows today (a bounded number: older ones stay in the default
    // partition until retention removes them), then the next week.
    await queryRunner.query(`
      SELECT command_logs_add_partition(day)
        FROM (SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date AS day
                FROM command_logs_unpartitioned
               WHERE created_at >= now() - interval '400 days'
              UNION
              SELECT (now() AT TIME ZONE 'UTC')::date + offset_days
                FROM generate_series(-1, 7) AS offset_days) AS days
       ORDER BY day
    `);
    await queryRunner.query(
      `INSERT INTO command_logs (${COLUMNS}) SELECT ${COLUMNS} FROM command_logs_unpartitioned`,
    );
    await queryRunner.query(`DROP TABLE command_logs_unpartitioned`);

    // Indexes on the parent cascade to every partition, present and future. Each was chosen by
    // EXPLAIN (ANALYZE, BUFFERS) on a million rows: see libs/search/README.md.
    await queryRunner.query(
      `CREATE INDEX command_logs_created_at_idx ON command_logs (created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_user_idx
         ON command_logs (user_id, created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_failed_idx ON command_logs (created_at DESC, interaction_id DESC)
         WHERE status IN ('error', 'timed_out', 'rate_limited')`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_bot_idx
         ON command_logs (bot_id, created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_guild_idx
         ON command_logs (guild_id, created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_command_idx
         ON command_logs (command, created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_slowest_idx
         ON command_logs ((coalesce(duration_ms, -1)) DESC, created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_open_idx ON command_logs (created_at) WHERE status = 'started'`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_search_idx ON command_logs USING gin (search)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE command_logs RENAME TO command_logs_partitioned`);
    await queryRunner.query(
      `ALTER TABLE command_logs_partitioned RENAME CONSTRAINT command_logs_pkey TO command_logs_partitioned_pkey`,
    );
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
    await queryRunner.query(
      `INSERT INTO command_logs (${COLUMNS}) SELECT ${COLUMNS} FROM command_logs_partitioned
       ON CONFLICT (interaction_id) DO NOTHING`,
    );
    await queryRunner.query(`DROP TABLE command_logs_partitioned`);
    await queryRunner.query(`DROP FUNCTION command_logs_add_partition(date)`);
    await queryRunner.query(
      `CREATE INDEX command_logs_created_at_idx ON command_logs (created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_user_idx
         ON command_logs (user_id, created_at DESC, interaction_id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_failed_idx ON command_logs (created_at DESC, interaction_id DESC)
         WHERE status IN ('error', 'timed_out', 'rate_limited')`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_bot_idx ON command_logs (bot_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX command_logs_open_idx ON command_logs (created_at) WHERE status = 'started'`,
    );
  }
}
