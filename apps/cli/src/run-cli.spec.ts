import { EmailTakenError } from '@botdeck/auth';
import { ConfigError } from '@botdeck/core';
import { CliCommand, CliFlags, UsageError } from './cli-command';
import { COMMANDS } from './commands';
import { userCreateCommand } from './commands/user-create.command';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCli } from './run-cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

function fakeCommand(run: (flags: CliFlags) => Promise<void>): CliCommand & { calls: CliFlags[] } {
  const calls: CliFlags[] = [];
  return {
    name: 'thing:do',
    summary: 'Does the thing',
    usage: '--name <name>',
    options: { name: { type: 'string' } },
    calls,
    async run(flags, output) {
      calls.push(flags);
      await run(flags);
      output.out('done');
    },
  };
}

describe('runCli', () => {
  it('lists every command for --help and exits 0', async () => {
    const { out, io } = capture();
    await expect(runCli(['--help'], COMMANDS, io)).resolves.toBe(EXIT_OK);
    for (const name of ['user:create', 'db:create', 'migration:run']) {
      expect(out.join('\n')).toContain(name);
    }
  });

  it('prints help to stderr and exits non-zero without a command', async () => {
    const { err, io } = capture();
    await expect(runCli([], COMMANDS, io)).resolves.toBe(EXIT_USAGE);
    expect(err.join('\n')).toContain('Commands:');
  });

  it('refuses an unknown command in one line', async () => {
    const { err, io } = capture();
    await expect(runCli(['user:destroy'], COMMANDS, io)).resolves.toBe(EXIT_USAGE);
    expect(err).toEqual(['cli: unknown command "user:destroy"; run with --help to list commands']);
  });

  it('passes parsed flags to the command and prints what it says', async () => {
    const command = fakeCommand(() => Promise.resolve());
    const { out, io } = capture();
    await expect(runCli(['thing:do', '--name', 'x'], [command], io)).resolves.toBe(EXIT_OK);
    expect(command.calls).toEqual([{ name: 'x' }]);
    expect(out).toEqual(['done']);
  });

  it('refuses unknown flags and positionals before running anything', async () => {
    const command = fakeCommand(() => Promise.resolve());
    const { err, io } = capture();
    await expect(runCli(['thing:do', '--nmae', 'x'], [command], io)).resolves.toBe(EXIT_USAGE);
    await expect(runCli(['thing:do', 'stray'], [command], io)).resolves.toBe(EXIT_USAGE);
    expect(command.calls).toEqual([]);
    expect(err[0]).toMatch(/^cli thing:do: .*--nmae/);
    expect(err).toContain('Usage: npm run cli -- thing:do --name <name>');
  });

  it.each([
    [new UsageError('--name is required'), EXIT_USAGE, 'cli thing:do: --name is required'],
    [
      new ConfigError('DATABASE_URL', 'must be a valid URL'),
      EXIT_FAILED,
      'cli thing:do: invalid configuration: DATABASE_URL must be a valid URL',
    ],
    [
      new EmailTakenError('a@b.co'),
      EXIT_FAILED,
      'cli thing:do: A user with email a@b.co already exists',
    ],
    [new Error('connect ECONNREFUSED'), EXIT_FAILED, 'cli thing:do: failed: connect ECONNREFUSED'],
  ])('turns %p into one line and a non-zero exit', async (error, code, line) => {
    const command = fakeCommand(() => Promise.reject(error));
    const { err, io } = capture();
    await expect(runCli(['thing:do'], [command], io)).resolves.toBe(code);
    expect(err[0]).toBe(line);
  });
});

describe('user:create arguments', () => {
  // These fail before any database connection is attempted.
  it.each([
    [{ role: 'viewer' }, '--email is required'],
    [{ email: 'nope', role: 'viewer' }, '--email "nope" is not a valid email address'],
    [{ email: 'a@b.co' }, '--role is required'],
    [
      { email: 'a@b.co', role: 'root' },
      '--role must be one of: viewer, operator, admin (got "root")',
    ],
    [
      { email: 'a@b.co', role: 'viewer', password: 'short' },
      '--password must be at least 12 characters long',
    ],
  ])('%p → %s', async (flags, message) => {
    const run = userCreateCommand.run(flags, { out: () => undefined });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});
