import { AppError, ConfigError } from '@botdeck/core';
import { parseArgs } from 'node:util';
import { CliCommand, CliFlags, UsageError } from './cli-command';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function help(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: npm run cli -- <command> [--flags]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `npm run cli -- <command> --help` for its flags.',
  ].join('\n');
}

function usage(command: CliCommand): string {
  return `Usage: npm run cli -- ${command.name}${command.usage ? ` ${command.usage}` : ''}`;
}

/** Parses argv, runs one command and returns the exit code; never throws. */
export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  io: CliIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) io.err(help(commands));
    else io.out(help(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`cli: unknown command "${name}"; run with --help to list commands`);
    return EXIT_USAGE;
  }

  let flags: CliFlags;
  try {
    flags = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.err(`cli ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    io.err(usage(command));
    return EXIT_USAGE;
  }
  if (flags.help) {
    io.out(`${usage(command)}\n\n${command.summary}`);
    return EXIT_OK;
  }

  try {
    await command.run(flags, { out: (line) => io.out(line) });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cli ${command.name}: ${error.message}`);
      io.err(usage(command));
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.err(`cli ${command.name}: invalid configuration: ${error.message}`);
    } else if (error instanceof AppError) {
      io.err(`cli ${command.name}: ${error.message}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.err(`cli ${command.name}: failed: ${message}`);
    }
    return EXIT_FAILED;
  }
}
