import type { FastifyInstance } from 'fastify';
import { InteractionRecord } from '../interactions/interaction-record';
import { MessageFlags } from '../messages/messages.service';
import type { SandboxContext } from '../sandbox-context';
import { CONTROL_PREFIX, ControlInput, invalid, notFound } from './control-input';

type Params = { Params: Record<string, string>; Querystring: Record<string, string> };

/** Longest a control request may hold a connection open waiting for a bot. */
const MAX_WAIT_MS = 60_000;

/**
 * Control API: play a user running a slash command (or pressing a button) and read what the
 * bot answered — the initial response, then the edited original and follow-ups.
 */
export function registerInteractionControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(`${CONTROL_PREFIX}/interactions`, async (request, reply) => {
    const input = new ControlInput(request.body);
    const user = input.object('user');
    const options = input.raw('options');
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw invalid('options must be an object of name → value, or an array of Discord options');
    }
    const customId = input.optionalString('customId');
    const { record, delivered } = ctx.interactions.play({
      applicationId: input.string('applicationId'),
      guildId: input.string('guildId'),
      channelId: input.string('channelId'),
      user: { id: user.string('id'), username: user.string('username') },
      command: customId === undefined ? input.string('command') : undefined,
      options: options as Record<string, unknown> | unknown[] | undefined,
      customId,
      messageId: input.optionalString('messageId'),
    });
    const waitMs = input.int('waitMs', {
      default: ctx.interactions.timing.responseTimeoutMs + 500,
      min: 0,
      max: MAX_WAIT_MS,
    });
    const response =
      delivered === 0
        ? null
        : await record.waitFor(
            () => record.initial !== null || record.deliveryError !== null,
            () => record.initial,
            waitMs,
          );
    return reply.code(201).send({
      interactionId: record.id,
      token: record.token,
      delivered: delivered > 0,
      response,
      deliveryError: record.deliveryError,
    });
  });

  // ?waitFor=response|original|followUps&count=N&waitMs=… long-polls until that much is there.
  app.get<Params>(`${CONTROL_PREFIX}/interactions/:interactionId`, async (request) => {
    const record = ctx.interactions.get(request.params.interactionId);
    if (!record)
      throw notFound('UNKNOWN_INTERACTION', `No interaction ${request.params.interactionId}`);
    const { waitFor, count, waitMs } = request.query;
    const wait = Math.min(Number(waitMs ?? 0) || 0, MAX_WAIT_MS);
    const needed = Number(count ?? 1) || 1;
    if (waitFor !== undefined && !['response', 'original', 'followUps'].includes(waitFor)) {
      throw invalid('waitFor must be response, original or followUps');
    }
    const ready = (): boolean => {
      switch (waitFor) {
        case undefined:
        case 'response':
          return record.initial !== null || record.deliveryError !== null;
        case 'original': {
          const original = record.originalMessageId
            ? ctx.store.message(record.originalMessageId)
            : undefined;
          // A deferred original is there from the start; it counts once it stops loading.
          return original !== undefined && (original.flags & MessageFlags.Loading) === 0;
        }
        default:
          return record.followUpIds.length >= needed;
      }
    };
    return record.waitFor(ready, () => describe(ctx, record), wait);
  });
}

function describe(ctx: SandboxContext, record: InteractionRecord) {
  return {
    interactionId: record.id,
    type: record.type,
    name: record.name,
    applicationId: record.applicationId,
    guildId: record.guildId,
    channelId: record.channelId,
    userId: record.user.id,
    createdAt: new Date(record.createdAt).toISOString(),
    response: record.initial,
    deliveryError: record.deliveryError,
    original: record.originalMessageId
      ? (ctx.store.message(record.originalMessageId) ?? null)
      : null,
    followUps: record.followUpIds.map((id) => ctx.store.message(id)).filter((m) => m !== undefined),
  };
}
