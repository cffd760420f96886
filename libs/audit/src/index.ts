export * from './audit.module';

/** Schema migrations owned by this lib, in order. */
export const auditMigrations: Array<new () => unknown> = [];
