import { startSandbox, type RunningSandbox } from '@botdeck/discord-sandbox';
import { Events, GatewayIntentBits } from 'discord.js';
import WebSocket from 'ws';
import { eventually } from '../support/eventually';
import { startRuntimeWorld, type RuntimeWorld } from '../runtime/support/runtime-world';
import { newClient } from './support/world';

jest.setTimeout(60_000);

interface Frame {
  op: number;
  d: unknown;
  t?: string | null;
}

/** A bare gateway connection that sends IDENTIFY for `shard` and returns the first answer. */
async function identify(
  sandbox: RunningSandbox,
  token: string,
  shard: [number, number],
): Promise<{ frame: Frame; socket: WebSocket }> {
  const socket = new WebSocket(`${sandbox.gatewayUrl}?v=10&encoding=json`);
  const frames: Frame[] = [];
  socket.on('message', (raw: Buffer) => {
    frames.push(JSON.parse(raw.toString()) as Frame);
  });
  await eventually('HELLO', () => {
    if (!frames.some((f) => f.op === 10)) throw new Error('no HELLO yet');
  });
  const properties = { os: 'linux', browser: 'test', device: 'test' };
  socket.send(
    JSON.stringify({
      op: 2,
      d: { token, intents: GatewayIntentBits.Guilds, shard, properties },
    }),
  );
  const frame = await eventually('an answer to IDENTIFY', () => {
    const answer = frames.find((f) => f.op === 9 || (f.op === 0 && f.t === 'READY'));
    if (!answer) throw new Error('no answer yet');
    return answer;
  });
  return { frame, socket };
}

describe('identify pacing per max_concurrency', () => {
  describe('the sandbox enforces it', () => {
    let sandbox: RunningSandbox;
    const sockets: WebSocket[] = [];

    beforeAll(async () => {
      sandbox = await startSandbox({ maxConcurrency: 2, identifyPacing: true });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await sandbox?.stop();
    });

    it('lets one IDENTIFY per bucket through per 5 s and answers the next with op 9', async () => {
      const bot = await sandbox.control.createBot('paced-raw');
      const first = await identify(sandbox, bot.token, [0, 2]);
      const second = await identify(sandbox, bot.token, [1, 2]);
      const third = await identify(sandbox, bot.token, [0, 2]);
      sockets.push(first.socket, second.socket, third.socket);
      // Buckets 0 and 1 (shard % max_concurrency 2) each take one; bucket 0 again is too soon.
      expect(first.frame).toMatchObject({ op: 0, t: 'READY' });
      expect(second.frame).toMatchObject({ op: 0, t: 'READY' });
      expect(third.frame).toEqual(expect.objectContaining({ op: 9, d: false }));
      const stats = await sandbox.control.stats();
      expect(stats.gateway.identifiesTooEarly).toEqual({ [bot.userId]: 1 });
    });

    it('paces bots independently of each other', async () => {
      const a = await sandbox.control.createBot('paced-a');
      const b = await sandbox.control.createBot('paced-b');
      const answers = await Promise.all([
        identify(sandbox, a.token, [0, 1]),
        identify(sandbox, b.token, [0, 1]),
      ]);
      sockets.push(...answers.map((answer) => answer.socket));
      expect(answers.map((answer) => answer.frame.t)).toEqual(['READY', 'READY']);
    });
  });

  describe('discord.js respects it across the shards of one client', () => {
    let sandbox: RunningSandbox;

    beforeAll(async () => {
      sandbox = await startSandbox({ maxConcurrency: 1, identifyPacing: true });
    });
    afterAll(() => sandbox?.stop());

    it('identifies two shards under max_concurrency 1 with none refused', async () => {
      const bot = await sandbox.control.createBot('two-shards');
      const client = newClient(sandbox, { shards: [0, 1], shardCount: 2 });
      const readyAt: number[] = [];
      client.on(Events.ShardReady, () => readyAt.push(Date.now()));
      try {
        const ready = new Promise<void>((resolve) =>
          client.once(Events.ClientReady, () => resolve()),
        );
        await client.login(bot.token);
        await ready;
        expect(readyAt).toHaveLength(2);
        // The sandbox refuses an IDENTIFY that comes early: none refused means paced.
        expect((await sandbox.control.stats()).gateway.identifiesTooEarly).toEqual({});
      } finally {
        await client.destroy();
      }
    });
  });

  describe('the bot runtime respects it when it logs a bot in again', () => {
    let world: RuntimeWorld;

    beforeAll(async () => {
      world = await startRuntimeWorld({ identifyPacing: true });
      await world.startWorker();
    });
    afterAll(() => world?.close());

    it('restarts a bot that has just come online without an IDENTIFY refused', async () => {
      const bot = await world.createBot();
      await world.lifecycle('start', bot.id);
      await world.waitForStatus(bot.id, ['online']);
      const restartedAt = Date.now();
      await world.lifecycle('restart', bot.id);
      await eventually(
        'the restarted bot to be online with a new session',
        async () => {
          const stats = await world.sandbox.control.stats();
          const sessions = stats.gateway.sessions.filter((s) => s.botUserId === bot.sandbox.userId);
          if (sessions.length < 2 || !sessions.some((s) => s.connected)) {
            throw new Error(`${sessions.length} sessions so far`);
          }
          const state = await world.waitForStatus(bot.id, ['online'], 1_000);
          if (state.status !== 'online') throw new Error(`bot is ${state.status}`);
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      const stats = await world.sandbox.control.stats();
      expect(stats.gateway.identifiesTooEarly).toEqual({});
      process.stdout.write(`restart → online again: ${Date.now() - restartedAt} ms\n`);
    });
  });
});
