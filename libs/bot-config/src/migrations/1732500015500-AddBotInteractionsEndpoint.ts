import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a bot receives its interactions: over the gateway (as before) or over HTTP at Botdeck's
 * Interactions Endpoint URL, whose requests are verified with the application's public key.
 */
export class AddBotInteractionsEndpoint1732500015500 implements MigrationInterface {
  name = 'AddBotInteractionsEndpoint1732500015500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE bots ADD COLUMN public_key text`);
    await queryRunner.query(
      `ALTER TABLE bots ADD COLUMN interactions_mode text NOT NULL DEFAULT 'gateway'
         CHECK (interactions_mode IN ('gateway', 'http'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE bots DROP COLUMN interactions_mode`);
    await queryRunner.query(`ALTER TABLE bots DROP COLUMN public_key`);
  }
}
