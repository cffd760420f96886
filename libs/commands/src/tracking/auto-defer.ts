/** Discord's EPHEMERAL message flag (discord.js `MessageFlags.Ephemeral`). */
export const EPHEMERAL = 64;

/** The part of a discord.js command interaction the auto-defer wrapper touches. */
export interface DeferrableInteraction {
  readonly replied: boolean;
  readonly deferred: boolean;
  reply(options: unknown): Promise<unknown>;
  deferReply(options?: unknown): Promise<unknown>;
  editReply(options: unknown): Promise<unknown>;
  followUp(options: unknown): Promise<unknown>;
  deleteReply(): Promise<unknown>;
}

export interface AutoDeferOptions {
  /** The handler declared its answers private: defer ephemerally. */
  ephemeral?: boolean;
}

export interface AutoDeferHandle {
  /** Whether the wrapper deferred the reply (the handler was too slow). */
  readonly autoDeferred: boolean;
  /** Stops the timer and waits for a deferral already sent, so the state can be read. */
  settle(): Promise<void>;
}

/** Whether reply options ask for an ephemeral message, in any form discord.js accepts. */
export function asksEphemeral(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false;
  const { flags, ephemeral } = options as { flags?: unknown; ephemeral?: unknown };
  if (ephemeral === true) return true;
  const has = (flag: unknown): boolean =>
    flag === 'Ephemeral' ||
    (typeof flag === 'number' && (flag & EPHEMERAL) !== 0) ||
    (typeof flag === 'bigint' && (flag & BigInt(EPHEMERAL)) !== 0n) ||
    (Array.isArray(flag) && flag.some(has));
  return has(flags);
}

const asObject = (options: unknown): object =>
  typeof options === 'string' ? { content: options } : (options ?? {});

/** An initial reply turned into an edit of the deferred message keeps only what an edit takes. */
export function toEditOptions(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return options;
  // Ephemerality is fixed by the deferral; the response flags have no meaning on an edit.
  const {
    flags: _flags,
    ephemeral: _ephemeral,
    withResponse: _w,
    fetchReply: _f,
    ...rest
  } = options as Record<string, unknown>;
  return rest;
}

/**
 * Defers the reply when the handler has not answered within `delayMs`, so Discord's 3-second
 * limit is never missed, and patches the interaction so the handler's later `reply()` becomes
 * `editReply()` (discord.js would throw InteractionAlreadyReplied) and its own `deferReply()`
 * does nothing. A response the handler has started but not finished counts as an answer:
 * deferring then would be a second initial response.
 *
 * The deferral fixes the answer's visibility, so it follows the handler's declaration
 * (`ephemeral`). A handler that did not declare it and still answers ephemerally after a
 * public deferral gets an ephemeral follow-up, and the public "thinking…" message is deleted:
 * a private answer must never come out public.
 */
export function armAutoDefer(
  interaction: DeferrableInteraction,
  delayMs: number,
  onDeferFailed: (error: unknown) => void = () => undefined,
  { ephemeral = false }: AutoDeferOptions = {},
): AutoDeferHandle {
  const originalReply = interaction.reply.bind(interaction);
  const originalDefer = interaction.deferReply.bind(interaction);
  let responding = false;
  let deferral: Promise<void> | null = null;

  const timer = setTimeout(() => {
    if (responding || interaction.replied || interaction.deferred) return;
    deferral = originalDefer(ephemeral ? { flags: EPHEMERAL } : undefined).then(
      () => undefined,
      (error: unknown) => onDeferFailed(error),
    );
  }, delayMs);
  timer.unref?.();

  const target = interaction as { reply: unknown; deferReply: unknown };
  target.reply = async (options: unknown) => {
    if (deferral) {
      await deferral;
      if (!ephemeral && asksEphemeral(options)) {
        const message = await interaction.followUp({
          ...asObject(toEditOptions(options)),
          flags: EPHEMERAL,
        });
        // Left behind, the public "thinking…" message would be harmless; the answer is out.
        await interaction.deleteReply().catch(onDeferFailed);
        return message;
      }
      return interaction.editReply(toEditOptions(options));
    }
    responding = true;
    return originalReply(options);
  };
  target.deferReply = async (options?: unknown) => {
    if (deferral) return deferral;
    responding = true;
    return originalDefer(options);
  };

  return {
    get autoDeferred() {
      return deferral !== null;
    },
    async settle() {
      clearTimeout(timer);
      if (deferral) await deferral;
    },
  };
}
