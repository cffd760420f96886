export * from './auth.module';

/** Schema migrations owned by this lib, in order. */
export const authMigrations: Array<new () => unknown> = [];
