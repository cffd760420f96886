import { parseTokenKeys, TokenCipher } from '@botdeck/bot-config';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { COMMANDS } from '../../apps/cli/src/commands';
import { runCli } from '../../apps/cli/src/run-cli';
import { isolatedDatabase } from '../support/isolated-database';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.rotate-me-fake-token-wxyz';

// Rotation re-seals every bot in the database, so it runs on a database of its own: the
// other suites' API instances only know the run's original key.
describe('cli keys:rotate', () => {
  let api: TestApi;
  let database: { url: string; drop(): Promise<void> };
  const originalEnv = { ...process.env };
  const newKey = `test-2:${Buffer.alloc(32, 9).toString('base64')}`;

  beforeAll(async () => {
    database = await isolatedDatabase();
    api = await startApi({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    process.env.BOT_TOKEN_KEYS = originalEnv.BOT_TOKEN_KEYS;
    process.env.DATABASE_URL = originalEnv.DATABASE_URL;
    await api.close();
    await database.drop();
  });

  async function rotate() {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['keys:rotate'], COMMANDS, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  it('re-seals tokens under the newest key, keeps them readable, and is idempotent', async () => {
    const { accessToken } = await loginAs(api, 'operator');
    const created = await request(api.url)
      .post('/api/v1/bots')
      .set(authHeader(accessToken))
      .send({ name: `rotate-${Date.now()}`, token: TOKEN })
      .expect(201);
    const id = created.body.id as string;
    const db = api.app.get(DataSource);
    const row = async () => {
      const rows = await db.query<Array<{ token_key_id: string; token_sealed: Buffer }>>(
        'SELECT token_key_id, token_sealed FROM bots WHERE id = $1',
        [id],
      );
      return rows[0];
    };
    expect((await row())?.token_key_id).toBe('test-1');

    process.env.DATABASE_URL = database.url;
    process.env.BOT_TOKEN_KEYS = `${originalEnv.BOT_TOKEN_KEYS},${newKey}`;
    const first = await rotate();
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out).toEqual(['Checked 1 bot token(s); re-encrypted 1 under the newest key']);

    const after = await row();
    expect(after?.token_key_id).toBe('test-2');
    const cipher = new TokenCipher(parseTokenKeys(newKey));
    expect(
      cipher.open({ keyId: 'test-2', sealed: after?.token_sealed ?? Buffer.alloc(0) }, id),
    ).toBe(TOKEN);

    const second = await rotate();
    expect(second.out).toEqual(['Checked 1 bot token(s); re-encrypted 0 under the newest key']);
  });
});
