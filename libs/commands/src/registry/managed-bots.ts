import type { ManagedBot } from '@botdeck/bot-runtime';
import { Injectable } from '@nestjs/common';
import type { Client } from 'discord.js';

/** Which managed bot a discord.js client belongs to, for handlers that only see the interaction. */
@Injectable()
export class ManagedBots {
  private readonly byClient = new Map<Client, ManagedBot>();

  add(bot: ManagedBot): void {
    this.byClient.set(bot.client, bot);
  }

  remove(bot: ManagedBot): void {
    if (this.byClient.get(bot.client) === bot) this.byClient.delete(bot.client);
  }

  forClient(client: Client): ManagedBot | undefined {
    return this.byClient.get(client);
  }
}
