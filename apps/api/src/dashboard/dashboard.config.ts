import { EnvReader } from '@botdeck/core';
import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** `dist/dashboard` of the checkout this file runs from (works from src/ and dist/). */
function defaultDashboardDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'dashboard');
    if (dirname(dir) === dir) return resolve('dist', 'dashboard');
  }
}

export const dashboardConfig = registerAs('dashboard', () => {
  const env = new EnvReader();
  return {
    /** The built dashboard (`npm run build` writes it); the API serves it at `/` when present. */
    dir: resolve(env.optionalString('DASHBOARD_DIR') ?? defaultDashboardDir()),
  };
});
