/** Schema migrations owned by this lib, in order. */
export const catalogMigrations = [];
