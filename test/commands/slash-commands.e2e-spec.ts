import { CommandLogDto, CommandsPlugin } from '@botdeck/commands';
import { EventBus, type EventEnvelope } from '@botdeck/core';
import type { TestingModule } from '@nestjs/testing';
import { MessageFlags } from 'discord.js';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs } from '../support/auth';
import { until } from '../support/eventually';
import { SandboxBot, startCommandsWorker, startSandboxBot } from './support/commands-world';
import { TestCommands } from './support/test-commands';

const POLL_MS = 50;

jest.setTimeout(30_000);

describe('slash commands served by a managed bot, tracked and logged', () => {
  let worker: TestingModule;
  let api: TestApi;
  let token: string;
  let sandboxBot: SandboxBot;
  const logged: EventEnvelope<'command.logged'>[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    const prefix = `${process.env.REDIS_KEY_PREFIX}slash:`;
    worker = await startCommandsWorker({ REDIS_KEY_PREFIX: prefix }, [TestCommands]);
    unsubscribe = await worker
      .get(EventBus)
      .subscribe('command.logged', (event) => void logged.push(event));
    sandboxBot = await startSandboxBot(worker.get(CommandsPlugin));
    api = await startApi();
    token = (await loginAs(api, 'viewer')).accessToken;
  });

  afterAll(async () => {
    unsubscribe?.();
    await sandboxBot?.close();
    await worker?.close();
    await api?.close();
  });

  /** Polls /logs/recent until the interaction's log has a final outcome. */
  async function finalLog(interactionId: string, timeoutMs = 10_000): Promise<CommandLogDto> {
    const log = await until(
      `a final log for ${interactionId}`,
      async () => {
        const res = await request(api.url)
          .get('/api/v1/logs/recent?limit=100')
          .set(authHeader(token))
          .expect(200);
        return (res.body as CommandLogDto[]).find((l) => l.interactionId === interactionId);
      },
      (found) => found !== undefined && found.status !== 'started',
      { timeoutMs, intervalMs: POLL_MS },
    );
    return log!;
  }

  /** Polls the original message until its content matches `pattern`; returns the content. */
  function originalContent(interactionId: string, pattern: RegExp): Promise<string> {
    return until(
      `the original message to match ${pattern}`,
      async () =>
        (await sandboxBot.sandbox.control.interaction(interactionId)).original?.content ?? '',
      (content) => pattern.test(content),
      { timeoutMs: 5_000, intervalMs: POLL_MS },
    );
  }

  it('registers the commands with the bot’s own application', async () => {
    const played = await sandboxBot.play('help');
    expect(played.delivered).toBe(true);
    expect(played.response?.content).toContain('/ping — Gateway and round-trip latency');
    expect(played.response?.content).toContain('/botinfo');
    expect(played.response?.content).toContain('/boom');
    await expect(sandboxBot.play('not-registered')).rejects.toMatchObject({ status: 404 });
  });

  it('registers per guild, not globally, for a bot with development guilds', async () => {
    const devBot = await startSandboxBot(worker.get(CommandsPlugin), {
      sandbox: sandboxBot.sandbox,
      devGuild: true,
    });
    try {
      const commands = devBot.bot.client.application!.commands;
      expect((await commands.fetch({ guildId: devBot.guildId })).map((c) => c.name).sort()).toEqual(
        ['boom', 'botinfo', 'echo', 'help', 'lateboom', 'ping', 'slow'],
      );
      expect((await commands.fetch()).size).toBe(0);
      const played = await devBot.play('ping');
      expect(played.response?.content).toMatch(/^Pong!/);
    } finally {
      await devBot.close();
    }
  });

  it('answers /ping, edits in the round trip, and logs it with its duration', async () => {
    const played = await sandboxBot.play('ping');
    expect(played.response).toMatchObject({ type: 4 });
    expect(played.response?.content).toMatch(/^Pong! Gateway: /);
    // The reply is the original message until the edit with the measured round trip lands.
    await expect(originalContent(played.interactionId, /round trip/)).resolves.toMatch(
      /^Pong! Gateway: .+ · round trip: \d+ ms$/,
    );

    const log = await finalLog(played.interactionId);
    expect(log).toMatchObject({
      botId: sandboxBot.bot.id,
      guildId: sandboxBot.guildId,
      channelId: sandboxBot.channelId,
      userId: '200000000000000001',
      command: 'ping',
      status: 'success',
      errorCode: null,
      deferred: false,
    });
    expect(log.durationMs).toEqual(expect.any(Number));
    expect(log.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(log.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(log.startedAt));
    expect(logged.some((e) => e.payload.interactionId === played.interactionId)).toBe(true);
  });

  it('answers /botinfo with uptime, guild count and version', async () => {
    const played = await sandboxBot.play('botinfo');
    expect(played.response?.content).toMatch(/Uptime: .+\nGuilds: 1\nBotdeck \d+\.\d+\.\d+/);
  });

  it('enforces a per-user cooldown with an ephemeral message and a rate_limited log', async () => {
    const first = await sandboxBot.play('echo', { text: 'one' });
    expect(first.response).toMatchObject({ content: 'echo: one', flags: 0 });
    const second = await sandboxBot.play('echo', { text: 'two' });
    expect(second.response?.content).toMatch(/^You're doing that too fast\. Try again in \d+ s\.$/);
    expect(second.response!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    expect(await finalLog(first.interactionId)).toMatchObject({
      status: 'success',
      options: { text: 'one' },
    });
    expect(await finalLog(second.interactionId)).toMatchObject({
      status: 'rate_limited',
      errorCode: 'COMMAND_RATE_LIMITED',
      options: { text: 'two' },
    });
  });

  it('answers a throwing handler with an ephemeral error and logs error with its code', async () => {
    const played = await sandboxBot.play('boom');
    expect(played.response?.content).toBe(
      'Sorry, /boom failed (TEST_BOOM). Please try again later.',
    );
    expect(played.response!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(await finalLog(played.interactionId)).toMatchObject({
      status: 'error',
      errorCode: 'TEST_BOOM',
    });
  });

  it('turns the deferred message into the error when a handler throws after the deferral', async () => {
    const played = await sandboxBot.play('lateboom');
    expect(played.response).toMatchObject({ type: 5 });
    const content = await originalContent(played.interactionId, /failed/);
    expect(content).toBe('Sorry, /lateboom failed (TEST_BOOM). Please try again later.');
    expect(await finalLog(played.interactionId)).toMatchObject({
      status: 'error',
      errorCode: 'TEST_BOOM',
      deferred: true,
    });
  });

  it('answers a command Discord still knows but no handler serves', async () => {
    await sandboxBot.bot.client.application!.commands.create({
      name: 'retired',
      description: 'No handler any more',
    });
    const played = await sandboxBot.play('retired');
    expect(played.response?.content).toBe('This command is not available any more.');
    expect(played.response!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(await finalLog(played.interactionId)).toMatchObject({
      status: 'error',
      errorCode: 'UNKNOWN_COMMAND',
    });
  });

  it('defers a 4-second handler in time and delivers its final answer', async () => {
    const played = await sandboxBot.play('slow');
    // Deferred (type 5) within Discord's 3 s, so the token stays alive.
    expect(played.response).toMatchObject({ type: 5 });
    expect(played.response!.latencyMs).toBeLessThan(3_000);
    const state = await sandboxBot.sandbox.control.interaction(played.interactionId, {
      waitFor: 'original',
      waitMs: 10_000,
    });
    expect(state.original?.content).toBe('slow answer');
    const log = await finalLog(played.interactionId);
    expect(log).toMatchObject({ status: 'success', deferred: true, errorCode: null });
    expect(log.durationMs).toBeGreaterThanOrEqual(4_000);
  });
});
