import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { PLAYER, startWorld, type World } from './support/world';

/** What the endpoint saw of one request. */
interface Received {
  body: Record<string, unknown>;
  signature: string;
  timestamp: string;
  verified: boolean;
}

type Answer = (received: Received) => { status: number; body?: unknown };

/** A minimal interactions endpoint: checks Discord's signature with the application's public key. */
class Endpoint {
  readonly received: Received[] = [];
  answer: Answer = ({ verified, body }) =>
    !verified
      ? { status: 401 }
      : body.type === 1
        ? { status: 200, body: { type: 1 } }
        : { status: 500 };
  private readonly server: Server;
  private publicKey?: ReturnType<typeof createPublicKey>;

  constructor() {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/interactions`;
  }

  trust(verifyKeyHex: string): void {
    const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
    this.publicKey = createPublicKey({
      key: Buffer.concat([spkiPrefix, Buffer.from(verifyKeyHex, 'hex')]),
      format: 'der',
      type: 'spki',
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const signature = String(request.headers['x-signature-ed25519'] ?? '');
    const timestamp = String(request.headers['x-signature-timestamp'] ?? '');
    const verified =
      this.publicKey !== undefined &&
      /^[0-9a-f]{128}$/.test(signature) &&
      verify(null, Buffer.from(timestamp + raw), this.publicKey, Buffer.from(signature, 'hex'));
    const received = {
      body: JSON.parse(raw) as Record<string, unknown>,
      signature,
      timestamp,
      verified,
    };
    this.received.push(received);
    const { status, body } = this.answer(received);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body === undefined ? '' : JSON.stringify(body));
  }
}

describe('sandbox: interactions over an Interactions Endpoint URL', () => {
  let world: World;
  let rest: REST;
  let endpoint: Endpoint;
  let url: string;
  let verifyKey: string;

  beforeAll(async () => {
    world = await startWorld({ rateLimits: false, interactionResponseTimeoutMs: 1500 });
    rest = new REST({ api: world.sandbox.apiUrl }).setToken(world.bot.token);
    await rest.put(Routes.applicationCommands(world.bot.applicationId), {
      body: [{ name: 'ping', description: 'Replies with pong' }],
    });
    const app = (await rest.get(Routes.currentApplication())) as { verify_key: string };
    verifyKey = app.verify_key;
    endpoint = new Endpoint();
    url = await endpoint.listen();
  });
  afterAll(async () => {
    await endpoint?.close();
    await world?.close();
  });

  const setUrl = (value: string | null) =>
    rest.patch(Routes.currentApplication(), { body: { interactions_endpoint_url: value } });

  const play = () =>
    world.sandbox.control.playInteraction({
      applicationId: world.bot.applicationId,
      guildId: world.guildId,
      channelId: world.channelId,
      user: PLAYER,
      command: 'ping',
    });

  it('gives each application its own Ed25519 public key', () => {
    expect(verifyKey).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyKey).not.toBe('0'.repeat(64));
  });

  it('refuses an endpoint that does not check signatures, and one that cannot be reached', async () => {
    endpoint.trust(verifyKey);
    const lax = endpoint.answer;
    endpoint.answer = () => ({ status: 200, body: { type: 1 } });
    const error = await setUrl(url).catch((e: unknown) => e);
    endpoint.answer = lax;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(JSON.stringify((error as DiscordAPIError).rawError)).toContain('bad signature got 200');

    const unreachable = await setUrl('http://127.0.0.1:1/nothing').catch((e: unknown) => e);
    expect((unreachable as DiscordAPIError).code).toBe(50035);
    const notUrl = await setUrl('javascript:alert(1)').catch((e: unknown) => e);
    expect((notUrl as DiscordAPIError).code).toBe(50035);
    const app = (await rest.get(Routes.currentApplication())) as Record<string, unknown>;
    expect(app.interactions_endpoint_url).toBeNull();
  });

  it('saves an endpoint once a signed PING gets PONG and a forged one gets 401', async () => {
    endpoint.received.length = 0;
    const app = (await setUrl(url)) as Record<string, unknown>;
    expect(app.interactions_endpoint_url).toBe(url);
    expect(endpoint.received.map((r) => [r.body.type, r.verified])).toEqual([
      [1, true],
      [1, false],
    ]);
  });

  it('POSTs a signed interaction and takes the response body as the first answer', async () => {
    endpoint.received.length = 0;
    endpoint.answer = ({ verified, body }) =>
      verified && body.type === 2
        ? { status: 200, body: { type: 4, data: { content: 'pong over HTTP' } } }
        : { status: 401 };
    const played = await play();
    expect(played.delivered).toBe(true);
    expect(played.deliveryError).toBeNull();
    expect(played.response).toMatchObject({ type: 4, content: 'pong over HTTP' });

    const [received] = endpoint.received;
    expect(received.verified).toBe(true);
    expect(Math.abs(Number(received.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(received.body).toMatchObject({
      type: 2,
      application_id: world.bot.applicationId,
      guild_id: world.guildId,
      data: { name: 'ping' },
    });
  });

  it('lets a deferred answer be completed through the webhook', async () => {
    endpoint.answer = () => ({ status: 200, body: { type: 5 } });
    const played = await play();
    expect(played.response).toMatchObject({ type: 5 });
    const application = world.bot.applicationId;
    await rest.patch(Routes.webhookMessage(application, played.token, '@original'), {
      body: { content: 'done later' },
      auth: false,
    });
    const state = await world.sandbox.control.interaction(played.interactionId, {
      waitFor: 'original',
      waitMs: 2000,
    });
    expect(state.original?.content).toBe('done later');
  });

  it('reports an endpoint that fails or answers nonsense', async () => {
    endpoint.answer = () => ({ status: 503 });
    await expect(play()).resolves.toMatchObject({
      response: null,
      deliveryError: 'the endpoint answered 503',
    });
    endpoint.answer = () => ({ status: 200, body: { type: 42 } });
    const nonsense = await play();
    expect(nonsense.response).toBeNull();
    expect(nonsense.deliveryError).toMatch(/type/i);
  });

  it('goes back to the gateway when the URL is cleared', async () => {
    await setUrl(null);
    endpoint.received.length = 0;
    const played = await play();
    // No session is connected in this world, so nothing receives it, and nothing was POSTed.
    expect(played.delivered).toBe(false);
    expect(endpoint.received).toHaveLength(0);
  });
});

describe('sandbox: shard recommendation and Sharding required', () => {
  it('recommends shards from the guild count and closes an overfull shard with 4011', async () => {
    const world = await startWorld({
      rateLimits: false,
      guildsPerShard: 2,
      maxGuildsPerShard: 3,
      // All three shards identify at once instead of one per 5 s.
      maxConcurrency: 3,
    });
    try {
      // A guild's shard is (id >> 22) % shards, and ids made in one millisecond share it. Fixed
      // ids put these four on shards 0, 1, 2, 0, so with the world's own guild no shard of three
      // holds more than three.
      const ms = 150_000_000_000n; // a multiple of 3, some years after Discord's epoch
      for (const [i, shard] of [0n, 1n, 2n, 0n].entries()) {
        const id = ((ms + shard) << 22n) + BigInt(i);
        const guild = await world.sandbox.control.createGuild(`g${id}`, { id: String(id) });
        await world.sandbox.control.addBotToGuild(guild, world.bot.userId);
      }
      const rest = new REST({ api: world.sandbox.apiUrl }).setToken(world.bot.token);
      const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
      expect(gateway.shards).toBe(3); // 5 guilds, 2 per shard

      const closed = await world.login().then(
        () => null,
        (error: unknown) => error,
      );
      expect(String(closed)).toMatch(/shard/i);
      const ok = await world.login({ shards: [0, 1, 2], shardCount: 3 });
      expect(ok.ws.shards.size).toBe(3);
    } finally {
      await world.close();
    }
  });
});
