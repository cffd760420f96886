import { CommandsPlugin, EphemeralReply } from '@botdeck/commands';
import { Injectable } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { MessageFlags } from 'discord.js';
import { Context, SlashCommand, type SlashCommandContext } from 'necord';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '../support/eventually';
import { SandboxBot, startCommandsWorker, startSandboxBot } from './support/commands-world';

/** Past the worker's COMMAND_AUTO_DEFER_MS below, so every one of these is deferred for them. */
const HANDLER_MS = 1_500;

@Injectable()
class PrivateCommands {
  @SlashCommand({ name: 'private-declared', description: 'Slow, declared ephemeral' })
  @EphemeralReply()
  async declared(@Context() [interaction]: SlashCommandContext): Promise<void> {
    await sleep(HANDLER_MS);
    await interaction.reply({ content: 'declared secret', flags: MessageFlags.Ephemeral });
  }

  @SlashCommand({ name: 'private-undeclared', description: 'Slow, ephemeral, not declared' })
  async undeclared(@Context() [interaction]: SlashCommandContext): Promise<void> {
    await sleep(HANDLER_MS);
    await interaction.reply({ content: 'undeclared secret', flags: MessageFlags.Ephemeral });
  }

  @SlashCommand({ name: 'public-slow', description: 'Slow and public' })
  async publicSlow(@Context() [interaction]: SlashCommandContext): Promise<void> {
    await sleep(HANDLER_MS);
    await interaction.reply('public answer');
  }
}

jest.setTimeout(30_000);

describe('an automatic deferral keeps the answer’s visibility', () => {
  let worker: TestingModule;
  let bot: SandboxBot;

  beforeAll(async () => {
    worker = await startCommandsWorker(
      {
        REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}visibility:`,
        COMMAND_AUTO_DEFER_MS: '100',
      },
      [PrivateCommands],
    );
    bot = await startSandboxBot(worker.get(CommandsPlugin));
  });
  afterAll(async () => {
    await bot?.close();
    await worker?.close();
  });

  const inChannel = async (content: string) =>
    (await bot.sandbox.control.channelMessages(bot.channelId)).filter((m) => m.content === content);

  it('defers ephemerally for a handler declared @EphemeralReply, and its answer is ephemeral', async () => {
    const played = await bot.play('private-declared');
    expect(played.response).toMatchObject({ type: 5, flags: MessageFlags.Ephemeral });
    const state = await bot.sandbox.control.interaction(played.interactionId, {
      waitFor: 'original',
      waitMs: 10_000,
    });
    expect(state.original?.content).toBe('declared secret');
    expect(state.original!.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(await inChannel('declared secret')).toEqual([]);
  });

  it('answers an undeclared ephemeral reply privately after a public deferral', async () => {
    const played = await bot.play('private-undeclared');
    expect(played.response).toMatchObject({ type: 5, flags: 0 });
    const state = await bot.sandbox.control.interaction(played.interactionId, {
      waitFor: 'followUps',
      count: 1,
      waitMs: 10_000,
    });
    expect(state.followUps).toHaveLength(1);
    expect(state.followUps[0]).toMatchObject({ content: 'undeclared secret' });
    expect(state.followUps[0].flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    // The public "thinking…" message is gone, and the secret never reached the channel.
    await eventually('the deferred message to be deleted', async () => {
      const after = await bot.sandbox.control.interaction(played.interactionId);
      expect(after.original).toBeNull();
    });
    expect(await inChannel('undeclared secret')).toEqual([]);
  });

  it('still answers a slow public handler publicly', async () => {
    const played = await bot.play('public-slow');
    expect(played.response).toMatchObject({ type: 5, flags: 0 });
    const state = await bot.sandbox.control.interaction(played.interactionId, {
      waitFor: 'original',
      waitMs: 10_000,
    });
    expect(state.original).toMatchObject({ content: 'public answer' });
    expect(state.original!.flags & MessageFlags.Ephemeral).toBe(0);
    expect(await inChannel('public answer')).toHaveLength(1);
  });
});
