import type { CliCommand } from '../cli-command';
import { dbCreateCommand } from './db-create.command';
import { keysRotateCommand } from './keys-rotate.command';
import { migrationRunCommand } from './migration-run.command';
import { userCreateCommand } from './user-create.command';

/** Every CLI command. To add one, write `commands/<name>.command.ts` and list it here. */
export const COMMANDS: readonly CliCommand[] = [
  dbCreateCommand,
  keysRotateCommand,
  migrationRunCommand,
  userCreateCommand,
];
