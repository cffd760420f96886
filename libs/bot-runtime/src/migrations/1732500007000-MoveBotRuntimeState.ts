import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moves the lifecycle columns out of `bots` into `bot_runtime_states`, owned by the runtime:
 * configuration and lifecycle have one writer each. Existing values move with their bots.
 */
export class MoveBotRuntimeState1732500007000 implements MigrationInterface {
  name = 'MoveBotRuntimeState1732500007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bot_runtime_states (
        bot_id uuid PRIMARY KEY REFERENCES bots (id) ON DELETE CASCADE,
        desired_state text NOT NULL DEFAULT 'stopped'
          CHECK (desired_state IN ('running', 'stopped')),
        status text NOT NULL DEFAULT 'stopped'
          CHECK (status IN ('stopped', 'starting', 'online', 'reconnecting', 'error', 'unknown')),
        status_reason text,
        status_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        worker_id text,
        restart_requested_at timestamptz(3),
        error_count integer NOT NULL DEFAULT 0,
        retry_at timestamptz(3)
      )
    `);
    await queryRunner.query(`
      INSERT INTO bot_runtime_states
        (bot_id, desired_state, status, status_reason, status_changed_at, restart_requested_at)
      SELECT id, desired_state, status, status_reason, status_changed_at, restart_requested_at
        FROM bots
    `);
    // The reconciler's query: running-desired bots, oldest change first.
    await queryRunner.query(
      `CREATE INDEX bot_runtime_states_runnable_idx ON bot_runtime_states (status_changed_at)
        WHERE desired_state = 'running'`,
    );
    await queryRunner.query(
      `CREATE INDEX bot_runtime_states_status_idx ON bot_runtime_states (status)`,
    );
    await queryRunner.query(`
      ALTER TABLE bots
        DROP COLUMN desired_state,
        DROP COLUMN status,
        DROP COLUMN status_reason,
        DROP COLUMN status_changed_at,
        DROP COLUMN restart_requested_at
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bots
        ADD COLUMN desired_state text NOT NULL DEFAULT 'stopped'
          CHECK (desired_state IN ('running', 'stopped')),
        ADD COLUMN status text NOT NULL DEFAULT 'stopped'
          CHECK (status IN ('stopped', 'starting', 'online', 'reconnecting', 'error')),
        ADD COLUMN status_reason text,
        ADD COLUMN status_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        ADD COLUMN restart_requested_at timestamptz(3)
    `);
    await queryRunner.query(`
      UPDATE bots b
         SET desired_state = s.desired_state,
             status = CASE WHEN s.status = 'unknown' THEN 'stopped' ELSE s.status END,
             status_reason = s.status_reason,
             status_changed_at = s.status_changed_at,
             restart_requested_at = s.restart_requested_at
        FROM bot_runtime_states s
       WHERE s.bot_id = b.id
    `);
    await queryRunner.query(`CREATE INDEX bots_status_idx ON bots (status)`);
    await queryRunner.query(`CREATE INDEX bots_desired_state_idx ON bots (desired_state)`);
    await queryRunner.query(
      `CREATE INDEX bots_runnable_idx ON bots (status_changed_at) WHERE desired_state = 'running'`,
    );
    await queryRunner.query(`DROP TABLE bot_runtime_states`);
  }
}
