import { Client, Events, Message, RESTEvents, TextChannel } from 'discord.js';
import { nextEvent, startWorld, World } from './support/world';

describe('sandbox: rate limits', () => {
  describe("with Discord's default limits", () => {
    let world: World;

    beforeAll(async () => {
      world = await startWorld();
    });
    afterAll(() => world.close());

    const send = (content: string) =>
      fetch(`${world.sandbox.apiUrl}/v10/channels/${world.channelId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${world.bot.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content }),
      });

    it('announces the 5-per-5-s send bucket and answers the 6th send with 429 + Retry-After', async () => {
      const responses = [];
      for (let i = 0; i < 6; i++) responses.push(await send(`m${i}`));
      expect(responses.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const first = responses[0].headers;
      expect(first.get('x-ratelimit-limit')).toBe('5');
      expect(first.get('x-ratelimit-remaining')).toBe('4');
      expect(Number(first.get('x-ratelimit-reset-after'))).toBeCloseTo(5, 0);
      expect(first.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
      expect(Number(first.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);

      const limited = responses[5];
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBe(5);
      expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
      expect(await limited.json()).toMatchObject({
        message: 'You are being rate limited.',
        global: false,
      });

      const stats = await world.sandbox.control.stats();
      expect(stats.http.routes).toContainEqual(
        expect.objectContaining({
          route: 'POST /channels/:channelId/messages',
          botUserId: world.bot.userId,
          requests: 6,
          rateLimited: 1,
        }),
      );
    });

    it('holds each bot to 50 requests per second globally (X-RateLimit-Global)', async () => {
      const responses = await Promise.all(
        Array.from({ length: 60 }, () =>
          fetch(`${world.sandbox.apiUrl}/v10/users/@me`, {
            headers: { authorization: `Bot ${world.bot.token}` },
          }),
        ),
      );
      const limited = responses.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(10);
      expect(limited[0].headers.get('x-ratelimit-global')).toBe('true');
      expect(limited[0].headers.get('retry-after')).toBe('1');
      expect(await limited[0].json()).toMatchObject({ global: true });
    });
  });

  describe('with discord.js waiting on the buckets', () => {
    let world: World;
    let client: Client;
    let channel: TextChannel;

    beforeAll(async () => {
      // Discord's 5 sends per bucket, but a 1 s window instead of 5 s so 30 sends take ~6 s.
      world = await startWorld({
        rateLimits: { buckets: { messageCreate: { limit: 5, windowMs: 1000 } } },
      });
      client = await world.login();
      channel = (await client.channels.fetch(world.channelId)) as TextChannel;
    });

    afterAll(() => world.close());

    it('delivers 30 sends to one channel, in order, with no request lost or refused', async () => {
      let waits = 0;
      client.rest.on(RESTEvents.RateLimited, () => waits++);
      const contents = Array.from({ length: 30 }, (_, i) => `message ${i + 1}`);
      const seen: string[] = [];
      const onCreate = (message: Message) => {
        if (message.channelId === world.channelId) seen.push(message.content);
      };
      client.on(Events.MessageCreate, onCreate);

      const started = Date.now();
      const sent = await Promise.all(contents.map((content) => channel.send(content)));
      const elapsed = Date.now() - started;
      client.off(Events.MessageCreate, onCreate);

      expect(sent.map((m) => m.content)).toEqual(contents);
      const stored = (await world.sandbox.control.channelMessages(world.channelId)).map(
        (m) => m.content,
      );
      expect(stored).toEqual(contents);
      // 30 sends at 5 per 1 s window: at least 5 waits, so at least ~5 s.
      expect(waits).toBeGreaterThanOrEqual(5);
      expect(elapsed).toBeGreaterThanOrEqual(4500);
      const stats = await world.sandbox.control.stats();
      expect(stats.http.totals.rateLimited).toBe(0);
    }, 20_000);

    it('retries after an injected 429 (Retry-After) and after injected 5xx answers', async () => {
      const route = 'POST /channels/:channelId/messages';
      await world.sandbox.control.injectHttpFault({
        route,
        status: 429,
        count: 1,
        retryAfterMs: 300,
      });
      const started = Date.now();
      const afterLimit = await channel.send('after a 429');
      expect(afterLimit.content).toBe('after a 429');
      expect(Date.now() - started).toBeGreaterThanOrEqual(900); // header rounds 0.3 s up to 1 s

      await world.sandbox.control.injectHttpFault({ route, status: 502, count: 2 });
      expect((await channel.send('after two 502s')).content).toBe('after two 502s');

      const row = (await world.sandbox.control.stats()).http.routes.find((r) => r.route === route);
      expect(row).toMatchObject({ rateLimited: 1, serverErrors: 2 });
      const created = nextEvent(client, Events.MessageCreate);
      await channel.send('still fine');
      await created;
    }, 15_000);
  });

  describe('edits, in their own bucket', () => {
    let world: World;

    beforeAll(async () => {
      world = await startWorld();
    });
    afterAll(() => world.close());

    it('counts edits in their own 5-per-5-s bucket per channel, reports 429s per bucket and edits per message', async () => {
      const channelId = await world.sandbox.control.createChannel(world.guildId, 'edits');
      const call = (method: string, path: string, body: unknown) =>
        fetch(`${world.sandbox.apiUrl}/v10/channels/${channelId}/messages${path}`, {
          method,
          headers: { authorization: `Bot ${world.bot.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const [a, b] = await Promise.all([
        call('POST', '', { content: 'a' }),
        call('POST', '', { content: 'b' }),
      ]);
      const ids = ((await Promise.all([a.json(), b.json()])) as { id: string }[]).map((m) => m.id);
      // Edits of two different messages share the channel's edit bucket, as on Discord.
      const edits = [];
      for (let i = 0; i < 6; i++)
        edits.push((await call('PATCH', `/${ids[i % 2]}`, { content: `e${i}` })).status);
      expect(edits).toEqual([200, 200, 200, 200, 200, 429]);
      // Sends to the channel are a bucket of their own and still have room.
      expect((await call('POST', '', { content: 'c' })).status).toBe(200);

      const { buckets, messageEdits } = (await world.sandbox.control.stats()).http;
      // Per message, only the edits that went through: 3 of the first, 2 of the second.
      expect(messageEdits.filter((row) => row.channelId === channelId)).toEqual([
        { channelId, messageId: ids[0], edits: 3 },
        { channelId, messageId: ids[1], edits: 2 },
      ]);
      const of = (bucket: string) =>
        buckets.find((row) => row.bucket === bucket && row.major === channelId);
      expect(of('messageEdit')).toMatchObject({
        requests: 6,
        rateLimited: 1,
        botUserId: world.bot.userId,
      });
      expect(of('messageCreate')).toMatchObject({ requests: 3, rateLimited: 0 });
    });
  });
});
