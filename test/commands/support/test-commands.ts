import { AppError } from '@botdeck/core';
import { CommandCooldown } from '@botdeck/commands';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Context, Options, SlashCommand, StringOption, type SlashCommandContext } from 'necord';

class BoomError extends AppError {
  constructor() {
    super('TEST_BOOM', 500, 'The test command blew up');
  }
}

class EchoOptions {
  @StringOption({ name: 'text', description: 'What to echo', required: true })
  text!: string;
}

/** Test-only handlers, discovered like production ones because they are providers. */
@Injectable()
export class TestCommands {
  @SlashCommand({ name: 'boom', description: 'Always throws' })
  boom(): Promise<void> {
    return Promise.reject(new BoomError());
  }

  @SlashCommand({ name: 'slow', description: 'Answers after 4 seconds' })
  async slow(@Context() [interaction]: SlashCommandContext): Promise<void> {
    await sleep(4_000);
    await interaction.reply('slow answer');
  }

  @SlashCommand({ name: 'lateboom', description: 'Throws after being deferred' })
  async lateBoom(): Promise<void> {
    await sleep(3_000);
    throw new BoomError();
  }

  @SlashCommand({ name: 'echo', description: 'Echoes its option' })
  @CommandCooldown(60_000)
  async echo(
    @Context() [interaction]: SlashCommandContext,
    @Options() { text }: EchoOptions,
  ): Promise<void> {
    await interaction.reply(`echo: ${text}`);
  }
}
