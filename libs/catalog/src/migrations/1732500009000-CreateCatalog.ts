import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products, their append-only stock ledger and per-category restock alert targets.
 *
 * - `lower(sku) text_pattern_ops` is both the case-insensitive uniqueness rule and the index a
 *   `q=` prefix search (`lower(sku) LIKE 'abc%'`) uses; `lower(name) text_pattern_ops` serves
 *   the name half of that search.
 * - Stock is bounded to 0…1e9 so that adding any accepted delta (|delta| ≤ 1e9) stays inside
 *   `integer`: an overflow would be a database error, the bound is a clear answer.
 * - The ledger refuses UPDATE and DELETE by trigger; rows go only with their product, so its
 *   history is never rewritten behind the API's back.
 * - Deleting products deletes their movements through a statement-level trigger rather than a
 *   foreign key: a key would check every ledger row on insert (~20 µs each, a fifth of a
 *   10 000-adjustment bulk request), and the only writer, the stock statement, inserts rows
 *   for products it has just locked.
 */
export class CreateCatalog1732500009000 implements MigrationInterface {
  name = 'CreateCatalog1732500009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 2000),
        category text CHECK (length(category) BETWEEN 1 AND 64),
        price_minor bigint NOT NULL CHECK (price_minor BETWEEN 0 AND 9007199254740991),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        stock integer CHECK (stock BETWEEN 0 AND 1000000000),
        low_stock_threshold integer NOT NULL DEFAULT 0
          CHECK (low_stock_threshold BETWEEN 0 AND 1000000000),
        visible boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 0,
        emoji text CHECK (length(emoji) BETWEEN 1 AND 100),
        alert_channel_id text,
        alert_role_id text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT products_alert_target_check
          CHECK ((alert_channel_id IS NULL) = (alert_role_id IS NULL))
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX products_sku_key ON products (lower(sku) text_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX products_name_prefix_idx ON products (lower(name) text_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX products_created_at_id_idx ON products (created_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX products_category_idx ON products (lower(category))`);
    await queryRunner.query(
      `CREATE INDEX products_visible_order_idx ON products (sort_order, name) WHERE visible`,
    );

    await queryRunner.query(`
      CREATE TABLE stock_movements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        product_id uuid NOT NULL,
        actor_id uuid,
        delta integer,
        quantity integer,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE INDEX stock_movements_product_idx ON stock_movements (product_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Deleting a product deletes its movements (below); by then the product row is gone.
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM products WHERE id = OLD.product_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'stock_movements is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER stock_movements_append_only
        BEFORE UPDATE OR DELETE ON stock_movements
        FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only()
    `);

    await queryRunner.query(`
      CREATE FUNCTION products_delete_movements() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM stock_movements WHERE product_id IN (SELECT id FROM deleted_products);
        RETURN NULL;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER products_delete_movements
        AFTER DELETE ON products REFERENCING OLD TABLE AS deleted_products
        FOR EACH STATEMENT EXECUTE FUNCTION products_delete_movements()
    `);

    await queryRunner.query(`
      CREATE TABLE product_category_alerts (
        category text PRIMARY KEY CHECK (length(category) BETWEEN 1 AND 64),
        channel_id text NOT NULL,
        role_id text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX product_category_alerts_category_key ON product_category_alerts (lower(category))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE product_category_alerts`);
    await queryRunner.query(`DROP TABLE stock_movements`);
    await queryRunner.query(`DROP FUNCTION stock_movements_append_only()`);
    await queryRunner.query(`DROP TABLE products`);
    await queryRunner.query(`DROP FUNCTION products_delete_movements()`);
  }
}
