import { startSandbox } from '@botdeck/discord-sandbox';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { startWorld, World } from './support/world';

describe('sandbox: control API', () => {
  it('starts from a seed with fixed credentials, and reset returns to it', async () => {
    const token = 'MTAwMDAwMDAwMDAwMDAwMDAx.seeded.bot-token-for-tests-only';
    const sandbox = await startSandbox({
      rateLimits: false,
      seed: {
        bots: [
          {
            username: 'seeded',
            token,
            userId: '100000000000000001',
            applicationId: '100000000000000002',
          },
        ],
        guilds: [
          {
            id: '100000000000000010',
            name: 'Seeded',
            channels: ['general', 'alerts'],
            bots: ['seeded'],
          },
        ],
      },
    });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: sandbox.apiUrl },
    });
    try {
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => resolve()),
      );
      await client.login(token);
      await ready;
      expect(client.application?.id).toBe('100000000000000002');
      const guild = client.guilds.cache.get('100000000000000010');
      expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['alerts', 'general']);

      await sandbox.control.createBot('temporary');
      expect(
        ((await (await fetch(`${sandbox.baseUrl}/_sandbox/bots`)).json()) as unknown[]).length,
      ).toBe(2);
      // Log out first: a client whose session is reset mid-run reconnects, and a client
      // destroyed while reconnecting keeps retrying after the sandbox has gone.
      await client.destroy();
      expect((await sandbox.control.stats()).gateway.sessions).toHaveLength(1);

      await sandbox.control.reset();
      const bots = (await (await fetch(`${sandbox.baseUrl}/_sandbox/bots`)).json()) as {
        username: string;
      }[];
      expect(bots.map((b) => b.username)).toEqual(['seeded']);
      expect((await sandbox.control.stats()).gateway.sessions).toEqual([]);
    } finally {
      await client.destroy();
      await sandbox.stop();
    }
  });

  describe('faults and errors', () => {
    let world: World;

    beforeAll(async () => {
      world = await startWorld({ rateLimits: false });
    });
    afterAll(() => world.close());

    it('adds latency to a route until the fault is cleared', async () => {
      const me = () =>
        fetch(`${world.sandbox.apiUrl}/v10/users/@me`, {
          headers: { authorization: `Bot ${world.bot.token}` },
        });
      await world.sandbox.control.injectLatency({ route: 'GET /users/@me', ms: 300 });
      let started = Date.now();
      expect((await me()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);

      expect(await world.sandbox.control.clearFaults()).toEqual({ cleared: 1 });
      started = Date.now();
      await me();
      expect(Date.now() - started).toBeLessThan(290);
    });

    it('switches rate limits on, tightens a bucket and off again at run time', async () => {
      const send = () =>
        fetch(`${world.sandbox.apiUrl}/v10/channels/${world.channelId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bot ${world.bot.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'x' }),
        });
      await world.sandbox.control.setRateLimits({
        enabled: true,
        buckets: { messageCreate: { limit: 1, windowMs: 60_000 } },
      });
      expect((await send()).status).toBe(200);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');

      await world.sandbox.control.setRateLimits({ enabled: false });
      const free = await send();
      expect(free.status).toBe(200);
      expect(free.headers.get('x-ratelimit-limit')).toBeNull();
    });

    it('answers a malformed JSON body with 50109', async () => {
      const response = await fetch(
        `${world.sandbox.apiUrl}/v10/channels/${world.channelId}/messages`,
        {
          method: 'POST',
          headers: { authorization: `Bot ${world.bot.token}`, 'content-type': 'application/json' },
          body: '{"content": ',
        },
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        message: 'The request body contains invalid JSON.',
        code: 50109,
      });
    });

    it('answers bad control input with 400 VALIDATION_FAILED and unknown routes with 404', async () => {
      const bad = await fetch(`${world.sandbox.baseUrl}/_sandbox/bots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'username must be a non-empty string',
      });

      const guild = (id: unknown) =>
        fetch(`${world.sandbox.baseUrl}/_sandbox/guilds`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'fixed', id }),
        });
      expect((await guild('not-a-snowflake')).status).toBe(400);
      expect((await guild(world.guildId)).status).toBe(409);
      expect(await world.sandbox.control.createGuild('fixed', { id: '100000000000000123' })).toBe(
        '100000000000000123',
      );

      const missing = await fetch(`${world.sandbox.baseUrl}/api/v10/nothing-here`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ message: '404: Not Found', code: 0 });
    });
  });
});
