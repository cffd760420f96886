import { readFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Jest's moduleNameMapper does not apply to globalSetup/globalTeardown, so they resolve the
 * `@botdeck/*` aliases through tsconfig-paths instead.
 */
export function registerPathAliases(): void {
  const root = path.resolve(__dirname, '../..');
  const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
}
