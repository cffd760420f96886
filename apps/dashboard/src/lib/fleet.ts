import type { BotStatusEvent } from '@botdeck/bot-config';
import type { BotStatusSnapshot } from '@botdeck/realtime';
import type { Bot } from '../api/types';

/** Applies a live status (event or snapshot row) to the listed bots; unknown bots are ignored. */
export function applyStatus(bots: Bot[], update: BotStatusEvent | BotStatusSnapshot): Bot[] {
  let changed = false;
  const next = bots.map((bot) => {
    if (bot.id !== update.botId || bot.status === update.status) return bot;
    changed = true;
    return { ...bot, status: update.status, statusReason: update.reason };
  });
  return changed ? next : bots;
}

/** Every tag used by the bots, sorted, for the filter. */
export function allTags(bots: Bot[]): string[] {
  return [...new Set(bots.flatMap((bot) => bot.tags))].sort();
}

/** Bots carrying every selected tag. */
export function filterByTags(bots: Bot[], tags: string[]): Bot[] {
  if (tags.length === 0) return bots;
  return bots.filter((bot) => tags.every((tag) => bot.tags.includes(tag)));
}

/** The selection minus the ids no longer listed (after a filter change or a delete). */
export function pruneSelection(selected: Set<string>, bots: Bot[]): Set<string> {
  const listed = new Set(bots.map((bot) => bot.id));
  const kept = [...selected].filter((id) => listed.has(id));
  return kept.length === selected.size ? selected : new Set(kept);
}
