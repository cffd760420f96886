import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { runHoldingReply } from '../cache/commit-barrier';

type BeforeCommit = (manager: EntityManager) => Promise<void>;
type AfterCommit = () => unknown;

/** One unit of work: at most one database transaction, opened on the first write. */
interface Scope {
  runner: QueryRunner | null;
  opening: Promise<QueryRunner> | null;
  beforeCommit: BeforeCommit[];
  afterCommit: AfterCommit[];
}

/**
 * Groups the writes of one unit of work (an HTTP request, a job) into one transaction, so that
 * what a request changes and the audit entry that records it commit or roll back together, and
 * side effects (events, nudges) run only once the change is committed.
 *
 * - `run(work)` opens a scope; the transaction starts at the first `transaction()` inside it
 *   (a request that only reads, or that calls Discord first, holds no connection meanwhile)
 *   and commits when `work` resolves, after the `beforeCommit` hooks; it rolls back if `work`
 *   or a hook throws.
 * - `transaction(fn)` inside a scope joins it (a savepoint, so a caught failure of `fn` does
 *   not abort the whole scope); outside any scope it is a transaction of its own.
 * - `afterCommit(fn)` runs `fn` once the enclosing transaction has committed, at once when
 *   there is none; its errors are logged, never thrown (the change is already made). `run`
 *   does not wait for the hooks, only for what they hold with `holdCommitReply`.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);
  private readonly scopes = new AsyncLocalStorage<Scope>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The manager of the open transaction, or the data source's when none is open. */
  get manager(): EntityManager {
    return this.scopes.getStore()?.runner?.manager ?? this.dataSource.manager;
  }

  getRepository<T extends ObjectLiteral>(entity: EntityTarget<T>) {
    return this.manager.getRepository(entity);
  }

  /** Whether a transaction is open in this unit of work. */
  get inTransaction(): boolean {
    return Boolean(this.scopes.getStore()?.runner);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.scopes.getStore();
    if (outer) return work();
    const scope: Scope = { runner: null, opening: null, beforeCommit: [], afterCommit: [] };
    const result = await this.scopes.run(scope, async () => {
      try {
        const value = await work();
        await this.commit(scope);
        return value;
      } catch (error) {
        await this.rollback(scope);
        throw error;
      } finally {
        await scope.runner?.release();
      }
    });
    // Hooks run in the background, except what they hold for the reply (cache invalidations).
    await runHoldingReply(() => this.runAfterCommit(scope.afterCommit));
    return result;
  }

  async transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const scope = this.scopes.getStore();
    if (!scope) return this.run(async () => fn((await this.open(this.scopes.getStore()!)).manager));
    const runner = await this.open(scope);
    return runner.manager.transaction(fn);
  }

  /**
   * Runs `hook` inside the transaction just before it commits (or in a transaction of its own
   * when the unit of work wrote nothing). Outside a scope it runs at once in its own transaction.
   */
  async beforeCommit(hook: BeforeCommit): Promise<void> {
    const scope = this.scopes.getStore();
    if (!scope) return this.transaction(hook);
    scope.beforeCommit.push(hook);
  }

  afterCommit(fn: AfterCommit): void {
    const scope = this.scopes.getStore();
    if (scope) scope.afterCommit.push(fn);
    else this.runAfterCommit([fn]);
  }

  private open(scope: Scope): Promise<QueryRunner> {
    scope.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
      } catch (error) {
        scope.opening = null;
        await runner.release();
        throw error;
      }
      scope.runner = runner;
      return runner;
    })();
    return scope.opening;
  }

  private async commit(scope: Scope): Promise<void> {
    if (scope.beforeCommit.length > 0) {
      const runner = await this.open(scope);
      for (const hook of scope.beforeCommit.splice(0)) await hook(runner.manager);
    }
    if (scope.runner?.isTransactionActive) await scope.runner.commitTransaction();
  }

  private async rollback(scope: Scope): Promise<void> {
    scope.afterCommit.length = 0;
    if (!scope.runner?.isTransactionActive) return;
    try {
      await scope.runner.rollbackTransaction();
    } catch (error) {
      // The connection is likely gone, and the transaction with it; the original error matters.
      this.logger.warn({ err: error }, 'Rollback failed');
    }
  }

  private runAfterCommit(hooks: AfterCommit[]): void {
    for (const hook of hooks) {
      try {
        const result = hook();
        if (result instanceof Promise) {
          result.catch((error: unknown) => this.logger.warn({ err: error }, 'After-commit failed'));
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'After-commit failed');
      }
    }
  }
}
