import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStockDisplays1732500010000 implements MigrationInterface {
  name = 'CreateStockDisplays1732500010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stock_displays (
        id uuid PRIMARY KEY,
        bot_id uuid NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
        guild_id text NOT NULL,
        channel_id text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        categories text[] NOT NULL DEFAULT '{}',
        include_sold_out boolean NOT NULL DEFAULT true,
        stock_mode text NOT NULL DEFAULT 'exact' CHECK (stock_mode IN ('exact', 'levels')),
        show_prices boolean NOT NULL DEFAULT true,
        low_stock_marker boolean NOT NULL DEFAULT true,
        enabled boolean NOT NULL DEFAULT true,
        message_ids text[] NOT NULL DEFAULT '{}',
        message_hashes text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'live', 'error')),
        status_code integer,
        status_reason text,
        last_rendered_at timestamptz(3),
        content_hash text,
        refresh_requested_at timestamptz(3),
        deleted_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE INDEX stock_displays_bot_id_idx ON stock_displays (bot_id)`);
    await queryRunner.query(
      `CREATE INDEX stock_displays_created_at_id_idx ON stock_displays (created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_displays`);
  }
}
