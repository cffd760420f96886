// Defaults every e2e worker runs with; global setup has already chosen the database and prefix.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.JWT_SECRET ??= 'botdeck-e2e-secret-that-is-long-enough-0123456789';
process.env.DATABASE_RUN_MIGRATIONS = 'false';
// Tests give each login its own client address through X-Forwarded-For.
process.env.TRUST_PROXY_HOPS ??= '1';
