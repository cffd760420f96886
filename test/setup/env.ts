// Defaults every e2e worker runs with; global setup has already chosen the database and prefix.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.JWT_SECRET ??= 'botdeck-e2e-secret-that-is-long-enough-0123456789';
process.env.DATABASE_RUN_MIGRATIONS = 'false';
// Tests give each login its own client address through X-Forwarded-For.
process.env.TRUST_PROXY_HOPS ??= '1';
// A throwaway key for sealing bot tokens in tests (32 zero-free bytes, base64).
process.env.BOT_TOKEN_KEYS ??= `test-1:${Buffer.alloc(32, 7).toString('base64')}`;
// Test files insert command logs dated years back; the worker's retention job must not take them.
process.env.COMMAND_LOG_RETENTION_DAYS ??= '36500';
// Suites hammer the API (fuzz walks, bulk runs); the rate-limit tests set small limits of their own.
process.env.RATE_LIMIT_READS ??= '1000000';
process.env.RATE_LIMIT_WRITES ??= '1000000';
process.env.RATE_LIMIT_BULK ??= '1000000';
// No test sees a dashboard a local `npm run build` left in dist/; the dashboard's own tests
// build one and point DASHBOARD_DIR at it.
process.env.DASHBOARD_DIR ??= '/nonexistent/botdeck-dashboard';
