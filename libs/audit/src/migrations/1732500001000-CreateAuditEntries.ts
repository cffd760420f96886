import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: `audit_entries`, indexed for the filters of `GET /audit` (each index ends in
 * `(created_at, id)` so a filtered list still paginates by keyset), and made append-only by
 * the database itself.
 *
 * Why the database, not just the API: an audit trail is evidence. No route changes it, but a
 * bug, a migration script or someone with a SQL console could. A statement-level trigger
 * rejects UPDATE (rewriting history), DELETE (erasing it, or deleting and re-inserting a
 * doctored copy) and TRUNCATE (erasing all of it at once, which row triggers would not see).
 * It fires even for statements that match no row, so nothing slips through by accident.
 * Retention, when it comes, must be a deliberate act by the table owner (disable the trigger
 * inside one transaction), never something the application role can do by mistake.
 */
export class CreateAuditEntries1732500001000 implements MigrationInterface {
  name = 'CreateAuditEntries1732500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_entries" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "actor_id" text,
        "actor_email" text,
        "actor_role" text,
        "action" text NOT NULL,
        "resource_type" text,
        "resource_id" text,
        "outcome" text NOT NULL,
        "error_code" text,
        "status_code" smallint,
        "method" text NOT NULL,
        "path" text NOT NULL,
        "request_id" text,
        "ip" text,
        "user_agent" text,
        "before" jsonb,
        "after" jsonb,
        CONSTRAINT "audit_entries_outcome_check" CHECK ("outcome" IN ('success', 'failure', 'denied'))
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "audit_entries_created_at_id_idx" ON "audit_entries" ("created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" ("actor_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entries_action_idx" ON "audit_entries" ("action", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entries_resource_idx" ON "audit_entries" ("resource_type", "resource_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entries_outcome_idx" ON "audit_entries" ("outcome", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "audit_entries_reject_change"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_entries_append_only"
      BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_entries"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_reject_change"()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER IF EXISTS "audit_entries_append_only" ON "audit_entries"`,
    );
    await queryRunner.query(`DROP FUNCTION IF EXISTS "audit_entries_reject_change"()`);
    await queryRunner.query(`DROP TABLE IF EXISTS "audit_entries"`);
  }
}
