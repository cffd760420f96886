import { CreateAuditEntries1732500001000 } from '@botdeck/audit';
import { dropDatabase, ensureDatabase, postgresOptions } from '@botdeck/core';
import { DataSource } from 'typeorm';

describe('audit: the migration', () => {
  // A database of its own: undoing the migration in the shared one would break other suites.
  const url = (() => {
    const base = new URL(process.env.DATABASE_URL!);
    base.pathname = `${base.pathname}_audit_migration`;
    return base.toString();
  })();
  let dataSource: DataSource;

  beforeAll(async () => {
    if (!/test/.test(url)) throw new Error(`Refusing to use non-test database ${url}`);
    await ensureDatabase(url);
    dataSource = new DataSource(
      postgresOptions({ url, migrations: [CreateAuditEntries1732500001000], poolSize: 1 }),
    );
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  const objects = async () => {
    const [table] = await dataSource.query(`SELECT to_regclass('audit_entries') AS name`);
    const triggers = await dataSource.query(
      `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'audit_entries%'`,
    );
    const functions = await dataSource.query(
      `SELECT proname FROM pg_proc WHERE proname = 'audit_entries_reject_change'`,
    );
    return { table: table.name, triggers: triggers.length, functions: functions.length };
  };

  it('applies, with indexes and the append-only trigger, and undoes cleanly', async () => {
    await dataSource.runMigrations();
    expect(await objects()).toEqual({ table: 'audit_entries', triggers: 1, functions: 1 });
    const indexes: Array<{ indexname: string }> = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entries' ORDER BY indexname`,
    );
    expect(indexes.map((row) => row.indexname)).toEqual([
      'audit_entries_action_idx',
      'audit_entries_actor_idx',
      'audit_entries_created_at_id_idx',
      'audit_entries_outcome_idx',
      'audit_entries_pkey',
      'audit_entries_resource_idx',
    ]);

    await dataSource.undoLastMigration();
    expect(await objects()).toEqual({ table: null, triggers: 0, functions: 0 });

    await dataSource.runMigrations();
    expect(await objects()).toEqual({ table: 'audit_entries', triggers: 1, functions: 1 });
  });

  it('rejects even an UPDATE or DELETE that matches no row', async () => {
    await expect(
      dataSource.query(`UPDATE audit_entries SET action = 'x' WHERE false`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_entries WHERE false`)).rejects.toThrow(
      /append-only/,
    );
  });
});
