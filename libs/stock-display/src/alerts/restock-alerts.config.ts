import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';

export const restockAlertsConfig = registerAs('restockAlerts', () => {
  const env = new EnvReader();
  return {
    /**
     * At most one alert per product within this window, across every worker: a count that
     * flaps around zero or its threshold does not ping the role again.
     */
    windowMs: env.int('RESTOCK_ALERT_WINDOW_MS', {
      default: 10 * 60_000,
      min: 1_000,
      max: 24 * 3_600_000,
    }),
    /**
     * How often each worker looks in the stock ledger for restocks the bus did not deliver
     * (it is at-most-once); restocks up to two windows old are caught up.
     */
    catchUpMs: env.int('RESTOCK_ALERT_CATCH_UP_MS', { default: 30_000, min: 200, max: 3_600_000 }),
  };
});

export type RestockAlertsConfig = ReturnType<typeof restockAlertsConfig>;
