import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over the audit trail, and a deliberate door for retention.
 *
 * `search` holds the action, the resource, the error code, the path, the actor's email and the
 * string and number values of the change sets (config `simple`: these are identifiers, not
 * prose). Dotted names (`user.create`) are also split, so `user` finds them.
 *
 * The trail stays append-only for everything but retention: a DELETE is let through only in a
 * transaction that has set `botdeck.audit_retention` to `on` (what the retention job does,
 * for entries older than AUDIT_RETENTION_DAYS), never by accident. UPDATE and TRUNCATE are
 * still refused outright.
 */
export class SearchAndRetainAuditEntries1732500012001 implements MigrationInterface {
  name = 'SearchAndRetainAuditEntries1732500012001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_entries ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple',
          action || ' ' || replace(action, '.', ' ') || ' '
            || coalesce(resource_type, '') || ' ' || coalesce(resource_id, '') || ' '
            || coalesce(error_code, '') || ' ' || path || ' ' || coalesce(actor_email, ''))
        || jsonb_to_tsvector('simple', coalesce(before, 'null'), '["string", "numeric"]')
        || jsonb_to_tsvector('simple', coalesce(after, 'null'), '["string", "numeric"]')
      ) STORED
    `);
    await queryRunner.query(
      `CREATE INDEX audit_entries_search_idx ON audit_entries USING gin (search)`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entries_reject_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('botdeck.audit_retention', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entries_reject_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`DROP INDEX audit_entries_search_idx`);
    await queryRunner.query(`ALTER TABLE audit_entries DROP COLUMN search`);
  }
}
