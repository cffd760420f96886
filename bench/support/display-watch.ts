/**
 * The display side of `bench:stock`: reading what a display shows in the sandbox (product name →
 * stock, parsed from the message text, not from Botdeck's renderer), waiting until every display
 * shows an expected final state, and the anchor — the same edits sent by bare discord.js
 * clients, which queue on the sandbox's bucket headers and so run at the bucket bound.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiMessage, SandboxControlClient } from '@botdeck/discord-sandbox';
import { REST, Routes } from 'discord.js';

/** One display as the bench follows it: where its messages are and which products it shows. */
export interface WatchedDisplay {
  id: string;
  channelId: string;
  messageIds: string[];
  /** Names of the products it shows. */
  products: string[];
}

const LINE = /\*\*(.+?)\*\*.* · (\d+) left$/;

/** Product name → stock as a reader sees it in a display's messages. */
export function shownStock(messages: readonly ApiMessage[]): Map<string, number> {
  const shown = new Map<string, number>();
  for (const message of messages) {
    for (const embed of message.embeds as { description?: string }[]) {
      for (const line of (embed.description ?? '').split('\n')) {
        const match = LINE.exec(line);
        if (match) shown.set(match[1], Number(match[2]));
      }
    }
  }
  return shown;
}

function showsFinal(
  display: WatchedDisplay,
  byId: Map<string, ApiMessage>,
  final: Map<string, number>,
): boolean {
  const messages = display.messageIds.map((id) => byId.get(id));
  if (messages.some((message) => message === undefined)) return false;
  const shown = shownStock(messages as ApiMessage[]);
  return (
    shown.size === display.products.length &&
    display.products.every((name) => shown.get(name) === final.get(name))
  );
}

/**
 * Polls every display's channel in the sandbox every `intervalMs` and returns, per display id,
 * when (performance.now()) it was first seen showing `final`; NaN for those that never did
 * within `timeoutMs`.
 */
export async function waitUntilFinal(
  control: SandboxControlClient,
  displays: readonly WatchedDisplay[],
  final: Map<string, number>,
  { intervalMs = 50, timeoutMs = 60_000 } = {},
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const channels = [...new Set(displays.map((display) => display.channelId))];
  const deadline = performance.now() + timeoutMs;
  while (seen.size < displays.length && performance.now() < deadline) {
    const byId = new Map<string, ApiMessage>();
    for (const list of await Promise.all(channels.map((id) => control.channelMessages(id)))) {
      for (const message of list) byId.set(message.id, message);
    }
    const now = performance.now();
    for (const display of displays) {
      if (!seen.has(display.id) && showsFinal(display, byId, final)) seen.set(display.id, now);
    }
    if (seen.size < displays.length) await sleep(intervalMs);
  }
  for (const display of displays) if (!seen.has(display.id)) seen.set(display.id, Number.NaN);
  return seen;
}

/** Whether every display still shows `final` (no late, stale edit overwrote it). */
export async function allShowFinal(
  control: SandboxControlClient,
  displays: readonly WatchedDisplay[],
  final: Map<string, number>,
): Promise<boolean> {
  const byId = new Map<string, ApiMessage>();
  const channels = [...new Set(displays.map((display) => display.channelId))];
  for (const id of channels) {
    for (const message of await control.channelMessages(id)) byId.set(message.id, message);
  }
  return displays.every((display) => showsFinal(display, byId, final));
}

/** A bare discord.js REST client per bot token, pointed at the sandbox. */
export function bareRest(apiUrl: string, token: string): REST {
  return new REST({ api: apiUrl }).setToken(token);
}

/**
 * The anchor: `edits[i]` edits of message `targets[i]`, every one queued at once through bare
 * discord.js REST clients (which pace each channel's edits by the sandbox's bucket headers,
 * i.e. at the bucket bound). Resolves with the time until the last one was answered.
 */
export async function replayEdits(
  targets: readonly { rest: REST; channelId: string; messageId: string; body: unknown }[],
  edits: readonly number[],
): Promise<number> {
  const started = performance.now();
  await Promise.all(
    targets.flatMap((target, i) =>
      Array.from({ length: edits[i] }, () =>
        target.rest.patch(Routes.channelMessage(target.channelId, target.messageId), {
          body: target.body,
        }),
      ),
    ),
  );
  return performance.now() - started;
}
