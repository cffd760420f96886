import { BOT_CONFIG_ERRORS } from '@botdeck/bot-config';
import { type FieldError, ValidationFailedError } from '@botdeck/core';
import { DuplicateTargetError, TooManyTargetsError } from '../messaging.errors';
import type { BulkMessagesDto } from './dto/bulk-messages.dto';
import { MAX_MESSAGE_TARGETS } from './dto/bulk-messages.dto';
import type { NewDelivery } from './message-deliveries.repository';

/** How the request names its targets, once its fields are known to fit together. */
export type TargetPlan =
  | { explicit: Array<{ botId: string; channelId: string }> }
  | { bots: { botIds: string[] } | { tags: string[] }; channels: string[] | 'everyText' };

/**
 * Checks that the target fields fit together — `targets` alone, or one of `botIds`/`tags`
 * with one of `channelIds`/`everyTextChannel` — and says how the targets are named.
 */
export function planTargets(body: BulkMessagesDto): TargetPlan {
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field, messages: [message] });
  const given = (value: unknown) => value !== undefined;
  if (given(body.targets)) {
    for (const field of ['botIds', 'tags', 'channelIds', 'everyTextChannel'] as const) {
      if (given(body[field])) refuse(field, `give either targets or ${field}, not both`);
    }
  } else {
    if (given(body.botIds) === given(body.tags)) refuse('botIds', 'give targets, botIds or tags');
    if (given(body.channelIds) === given(body.everyTextChannel)) {
      refuse('channelIds', 'with botIds or tags, give either channelIds or everyTextChannel');
    }
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  if (body.targets) {
    const seen = new Set<string>();
    for (const { botId, channelId } of body.targets) {
      const key = `${botId}/${channelId}`;
      if (seen.has(key)) throw new DuplicateTargetError(botId, channelId);
      seen.add(key);
    }
    return { explicit: body.targets.map(({ botId, channelId }) => ({ botId, channelId })) };
  }
  return {
    bots: body.botIds ? { botIds: body.botIds } : { tags: body.tags! },
    channels: body.channelIds ?? 'everyText',
  };
}

/**
 * One delivery per target, in request order: explicit targets as given, or each bot (in the
 * order picked) times each channel; "every text channel" is one placeholder per bot. Targets of
 * bots that do not exist fail at once with BOT_NOT_FOUND.
 */
export function deliveriesFor(
  plan: TargetPlan,
  botIds: string[],
  existing: ReadonlySet<string>,
): NewDelivery[] {
  const pairs: Array<{ botId: string; channelId: string | null }> =
    'explicit' in plan
      ? plan.explicit
      : botIds.flatMap((botId) =>
          plan.channels === 'everyText'
            ? [{ botId, channelId: null as string | null }]
            : plan.channels.map((channelId) => ({ botId, channelId })),
        );
  if (pairs.length > MAX_MESSAGE_TARGETS) {
    throw new TooManyTargetsError(pairs.length, MAX_MESSAGE_TARGETS);
  }
  return pairs.map(({ botId, channelId }) =>
    existing.has(botId)
      ? { botId, channelId }
      : {
          botId,
          channelId,
          failure: { code: BOT_CONFIG_ERRORS.BOT_NOT_FOUND, message: `Bot ${botId} not found` },
        },
  );
}
