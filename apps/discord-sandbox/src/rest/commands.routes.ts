import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DiscordErrors } from '../discord/discord-error';
import { CommandInput } from '../domain/sandbox-store';
import { botOf, discordRoute } from '../http/discord-route';
import type { SandboxContext } from '../sandbox-context';

type Request = FastifyRequest<{ Params: Record<string, string> }>;

/** Global and per-guild application commands: list, create, bulk overwrite, delete. */
export function registerCommandRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  /** The command scope the request may touch: its own application, a guild it is in. */
  const scope = (request: Request): { applicationId: string; guildId?: string } => {
    const bot = botOf(request);
    const { applicationId, guildId } = request.params;
    if (applicationId !== bot.id) throw DiscordErrors.missingAccess();
    if (guildId !== undefined) {
      if (!ctx.store.guilds.has(guildId)) throw DiscordErrors.unknownGuild();
      if (!ctx.store.isMember(guildId, bot.botUserId)) throw DiscordErrors.missingAccess();
    }
    return { applicationId, guildId };
  };

  for (const base of [
    '/applications/:applicationId/commands',
    '/applications/:applicationId/guilds/:guildId/commands',
  ]) {
    const major = base.includes(':guildId') ? 'guildId' : undefined;

    discordRoute(app, 'GET', base, { auth: 'bot', major }, (request) => {
      const { applicationId, guildId } = scope(request);
      return ctx.store.commandsOf(applicationId, guildId);
    });

    discordRoute(app, 'PUT', base, { auth: 'bot', major }, (request) => {
      const { applicationId, guildId } = scope(request);
      const inputs = checkCommands(request.body, true) as CommandInput[];
      return ctx.store.overwriteCommands(applicationId, guildId, inputs);
    });

    discordRoute(app, 'POST', base, { auth: 'bot', major }, (request, reply) => {
      const { applicationId, guildId } = scope(request);
      const [input] = checkCommands([request.body], false) as CommandInput[];
      const existed = ctx.store.findCommand(applicationId, guildId ?? '', input.name) !== undefined;
      return reply
        .code(existed ? 200 : 201)
        .send(ctx.store.upsertCommand(applicationId, guildId, input));
    });

    discordRoute(app, 'DELETE', `${base}/:commandId`, { auth: 'bot', major }, (request, reply) => {
      const { applicationId, guildId } = scope(request);
      if (!ctx.store.deleteCommand(applicationId, guildId, request.params.commandId)) {
        throw DiscordErrors.unknownCommand();
      }
      return reply.code(204).send();
    });
  }
}

/** Discord's naming rules for chat-input commands, reported as a 50035 tree. */
function checkCommands(body: unknown, bulk: boolean): unknown[] {
  if (!Array.isArray(body)) {
    throw DiscordErrors.invalidFormBody({
      _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }],
    });
  }
  const errors: Record<string, unknown> = {};
  body.forEach((raw, index) => {
    const command = (raw ?? {}) as { name?: unknown; description?: unknown; type?: unknown };
    const problems: Record<string, unknown> = {};
    const chatInput = command.type === undefined || command.type === 1;
    const namePattern = chatInput ? /^[-_\p{L}\p{N}]{1,32}$/u : /^.{1,32}$/u;
    if (typeof command.name !== 'string' || !namePattern.test(command.name)) {
      problems.name = {
        _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' }],
      };
    }
    if (
      chatInput &&
      (typeof command.description !== 'string' ||
        command.description.length < 1 ||
        command.description.length > 100)
    ) {
      problems.description = {
        _errors: [
          { code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' },
        ],
      };
    }
    if (Object.keys(problems).length > 0) errors[String(index)] = problems;
  });
  if (Object.keys(errors).length > 0) {
    throw DiscordErrors.invalidFormBody((bulk ? errors : errors['0']) as never);
  }
  return body;
}
