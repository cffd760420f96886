import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRestockAlerts1732500010050 implements MigrationInterface {
  name = 'CreateRestockAlerts1732500010050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE restock_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        bot_id uuid NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
        channel_id text NOT NULL,
        role_id text NOT NULL,
        message_id text,
        stock_after integer,
        status text NOT NULL CHECK (status IN ('posted', 'failed')),
        error_code integer,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      'CREATE INDEX restock_alerts_product_created ON restock_alerts (product_id, created_at DESC, id DESC)',
    );
    // The restock catch-up reads the catalog's ledger by time, for the last two windows only.
    await queryRunner.query(
      'CREATE INDEX stock_movements_created_idx ON stock_movements (created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX stock_movements_created_idx');
    await queryRunner.query('DROP TABLE restock_alerts');
  }
}
