import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { COMMANDS } from '../../apps/cli/src/commands';
import { runCli } from '../../apps/cli/src/run-cli';
import { startApi, TestApi } from '../support/api';
import { authHeader, login } from '../support/auth';

describe('cli user:create against the real database', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, COMMANDS, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  it('creates a user with a generated password that signs in, and refuses a duplicate', async () => {
    const email = `cli-${randomUUID()}@botdeck.test`;
    const created = await cli('user:create', '--email', email, '--role', 'operator');
    expect(created.code).toBe(0);
    expect(created.out[0]).toMatch(
      new RegExp(`^Created operator ${email} \\(id [0-9a-f-]{36}\\)$`),
    );
    const password = /^Generated password \(shown once\): (\S+)$/.exec(created.out[1] ?? '')?.[1];
    expect(password).toHaveLength(32);

    const tokens = await login(api, { email, password: password ?? '' });
    const me = await request(api.url).get('/api/v1/auth/me').set(authHeader(tokens.accessToken));
    expect(me.body).toMatchObject({ email, role: 'operator' });

    const duplicate = await cli('user:create', '--email', email.toUpperCase(), '--role', 'viewer');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toEqual([`cli user:create: A user with email ${email} already exists`]);
  });

  it('uses a given password and prints no password', async () => {
    const email = `cli-${randomUUID()}@botdeck.test`;
    const created = await cli(
      'user:create',
      '--email',
      email,
      '--role',
      'viewer',
      '--password',
      'cli-given-password-123',
    );
    expect(created.code).toBe(0);
    expect(created.out).toHaveLength(1);
    await login(api, { email, password: 'cli-given-password-123' });
  });
});
