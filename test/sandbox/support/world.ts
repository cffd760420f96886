import { CreatedBot, RunningSandbox, SandboxOptions, startSandbox } from '@botdeck/discord-sandbox';
import { Client, ClientOptions, Events, GatewayIntentBits } from 'discord.js';

export interface World {
  sandbox: RunningSandbox;
  bot: CreatedBot;
  guildId: string;
  channelId: string;
  /** Clients made through `login`, destroyed by `close`. */
  clients: Client[];
  /** Logs a real discord.js client in against the sandbox and waits for `clientReady`. */
  login(options?: Partial<ClientOptions> & { token?: string }): Promise<Client>;
  close(): Promise<void>;
}

export const PLAYER = { id: '200000000000000001', username: 'player-one' };

/** A sandbox with one bot in one guild with one channel: the usual starting point. */
export async function startWorld(options: SandboxOptions = {}): Promise<World> {
  const sandbox = await startSandbox(options);
  const bot = await sandbox.control.createBot('test-bot');
  const guildId = await sandbox.control.createGuild('Test Guild');
  const channelId = await sandbox.control.createChannel(guildId, 'general');
  await sandbox.control.addBotToGuild(guildId, bot.userId);
  const clients: Client[] = [];

  const login = async (clientOptions: Partial<ClientOptions> & { token?: string } = {}) => {
    const { token, ...rest } = clientOptions;
    const client = newClient(sandbox, rest);
    clients.push(client);
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(token ?? bot.token);
    await ready;
    return client;
  };

  return {
    sandbox,
    bot,
    guildId,
    channelId,
    clients,
    login,
    close: async () => {
      await Promise.all(clients.map((client) => client.destroy()));
      await sandbox.stop();
    },
  };
}

export function newClient(sandbox: RunningSandbox, options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    ...options,
    rest: { api: sandbox.apiUrl, ...options.rest },
  });
}

/** Resolves with the first event that passes `filter`, or rejects after `timeoutMs`. */
export function nextEvent<T extends unknown[]>(
  client: Client,
  event: string,
  filter: (...args: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`No ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: unknown[]) => {
      if (!filter(...(args as T))) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args as T);
    };
    client.on(event, listener);
  });
}
