import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const auditRetentionConfig = registerAs('auditRetention', () => {
  const env = new EnvReader();
  return {
    /** Entries older than this many days are deleted; 0 (the default) keeps them for ever. */
    retentionDays: env.int('AUDIT_RETENTION_DAYS', { default: 0, min: 0, max: 36_500 }),
  };
});

export type AuditRetentionConfig = ReturnType<typeof auditRetentionConfig>;
