import type { ParseArgsConfig } from 'node:util';

export type CliFlags = Record<string, string | boolean | undefined>;

/** What a command may print: results to `out`, nothing else. */
export interface CliOutput {
  out: (line: string) => void;
}

/** One `npm run cli -- <name> [--flags]` command; each lives in `commands/<name>.command.ts`. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Flags as shown in help, e.g. `--email <email> --role <role> [--password <password>]`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(flags: CliFlags, output: CliOutput): Promise<void>;
}

/** Bad arguments: printed as one line with the command's usage, exit code 2. */
export class UsageError extends Error {}

export function requiredString(flags: CliFlags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`);
  return value.trim();
}
