import { loadDotEnv } from '@botdeck/core';
import { COMMANDS } from './commands';
import { runCli } from './run-cli';

loadDotEnv();
void runCli(process.argv.slice(2), COMMANDS, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => process.exit(code));
