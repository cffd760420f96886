import { CoreModule, DatabaseModule, UnitOfWork } from '@botdeck/core';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';

/** The unit of work against real PostgreSQL: what commits together, and when hooks run. */
describe('UnitOfWork', () => {
  let moduleRef: TestingModule;
  let uow: UnitOfWork;
  let db: DataSource;
  const table = `uow_${randomUUID().replace(/-/g, '')}`;

  const insert = (manager: { query: DataSource['query'] }, label: string) =>
    manager.query(`INSERT INTO ${table} (label) VALUES ($1)`, [label]);
  /** Reads through the pool, outside any transaction: only committed rows show. */
  const committed = async (): Promise<string[]> =>
    (await db.query<{ label: string }[]>(`SELECT label FROM ${table} ORDER BY label`)).map(
      (row) => row.label,
    );

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [CoreModule, DatabaseModule.forRoot()],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    uow = moduleRef.get(UnitOfWork);
    db = moduleRef.get(DataSource);
    await db.query(`CREATE TABLE ${table} (label text PRIMARY KEY)`);
  });

  afterAll(async () => {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await moduleRef.close();
  });

  beforeEach(() => db.query(`TRUNCATE ${table}`));

  it('commits the writes and the before-commit hook together, then runs after-commit hooks', async () => {
    const seenAfterCommit: string[][] = [];
    await uow.run(async () => {
      await uow.transaction((manager) => insert(manager, 'change'));
      await uow.beforeCommit((manager) => insert(manager, 'audit'));
      uow.afterCommit(async () => {
        seenAfterCommit.push(await committed());
      });
      // Nothing is visible to others before the unit of work ends.
      expect(await committed()).toEqual([]);
    });
    expect(await committed()).toEqual(['audit', 'change']);
    await eventually('the after-commit hook', () =>
      expect(seenAfterCommit).toEqual([['audit', 'change']]),
    );
  });

  it('rolls everything back when the work throws, and skips every hook', async () => {
    const after = jest.fn();
    const before = jest.fn(() => Promise.resolve());
    await expect(
      uow.run(async () => {
        await uow.transaction((manager) => insert(manager, 'change'));
        await uow.beforeCommit(before);
        uow.afterCommit(after);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await committed()).toEqual([]);
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('rolls the change back when the before-commit hook fails', async () => {
    await expect(
      uow.run(async () => {
        await uow.transaction((manager) => insert(manager, 'change'));
        await uow.beforeCommit((manager) => insert(manager, 'change'));
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await committed()).toEqual([]);
  });

  it('keeps the rest of the unit when a nested transaction fails and is caught', async () => {
    await uow.run(async () => {
      await uow.transaction((manager) => insert(manager, 'first'));
      await expect(uow.transaction((manager) => insert(manager, 'first'))).rejects.toThrow(
        /duplicate key/,
      );
      await uow.transaction((manager) => insert(manager, 'second'));
    });
    expect(await committed()).toEqual(['first', 'second']);
  });

  it('gives a before-commit hook a transaction of its own when nothing else was written', async () => {
    await uow.run(async () => {
      expect(uow.inTransaction).toBe(false);
      await uow.beforeCommit((manager) => insert(manager, 'audit'));
    });
    expect(await committed()).toEqual(['audit']);
  });

  it('reads its own writes through the manager while the transaction is open', async () => {
    await uow.run(async () => {
      await uow.transaction((manager) => insert(manager, 'mine'));
      expect(uow.inTransaction).toBe(true);
      const rows = await uow.manager.query<unknown[]>(`SELECT label FROM ${table}`);
      expect(rows).toHaveLength(1);
    });
  });

  it('runs a transaction outside any unit of work on its own, hooks included', async () => {
    const after = jest.fn();
    await uow.transaction(async (manager) => {
      await insert(manager, 'alone');
      uow.afterCommit(after);
    });
    expect(await committed()).toEqual(['alone']);
    expect(after).toHaveBeenCalledTimes(1);
  });
});
