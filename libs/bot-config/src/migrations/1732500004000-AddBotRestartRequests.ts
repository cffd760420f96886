import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A restart is a request the worker holding the bot acts on; the column records when it was
 * last asked for, so a worker restarts once per request and an errored bot becomes claimable
 * again only after an operator asks.
 */
export class AddBotRestartRequests1732500004000 implements MigrationInterface {
  name = 'AddBotRestartRequests1732500004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE bots ADD COLUMN restart_requested_at timestamptz(3)`);
    // The reconciler's query: running-desired bots, oldest change first.
    await queryRunner.query(
      `CREATE INDEX bots_runnable_idx ON bots (status_changed_at) WHERE desired_state = 'running'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bots_runnable_idx`);
    await queryRunner.query(`ALTER TABLE bots DROP COLUMN restart_requested_at`);
  }
}
