import type { SandboxChannel, SandboxGuild } from '../domain/entities';
import type { SandboxStore } from '../domain/sandbox-store';
import { ControlError } from './control-error';

export const CONTROL_PREFIX = '/_sandbox';

/** Small readers for control API bodies; a bad field answers 400 VALIDATION_FAILED naming it. */
export class ControlInput {
  private readonly body: Record<string, unknown>;

  constructor(raw: unknown) {
    this.body =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? (raw as Record<string, unknown>)
        : {};
  }

  string(name: string): string {
    const value = this.body[name];
    if (typeof value !== 'string' || value.trim() === '')
      throw invalid(`${name} must be a non-empty string`);
    return value;
  }

  optionalString(name: string): string | undefined {
    return this.body[name] === undefined ? undefined : this.string(name);
  }

  int(name: string, options: { default?: number; min?: number; max?: number } = {}): number {
    const value = this.body[name] ?? options.default;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw invalid(`${name} must be an integer`);
    if (options.min !== undefined && value < options.min)
      throw invalid(`${name} must be at least ${options.min}`);
    if (options.max !== undefined && value > options.max)
      throw invalid(`${name} must be at most ${options.max}`);
    return value;
  }

  optionalInt(name: string, options: { min?: number; max?: number } = {}): number | undefined {
    return this.body[name] === undefined ? undefined : this.int(name, options);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.body[name] ?? fallback;
    if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
    return value;
  }

  object(name: string): ControlInput {
    const value = this.body[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw invalid(`${name} must be an object`);
    return new ControlInput(value);
  }

  raw(name: string): unknown {
    return this.body[name];
  }
}

export function invalid(message: string): ControlError {
  return new ControlError(400, 'VALIDATION_FAILED', message);
}

export function notFound(code: string, message: string): ControlError {
  return new ControlError(404, code, message);
}

/** The guild, or 404 UNKNOWN_GUILD. */
export function guildOr404(store: SandboxStore, id: string): SandboxGuild {
  const guild = store.guilds.get(id);
  if (!guild) throw notFound('UNKNOWN_GUILD', `No guild ${id}`);
  return guild;
}

/** The channel, or 404 UNKNOWN_CHANNEL. */
export function channelOr404(store: SandboxStore, id: string): SandboxChannel {
  const channel = store.channels.get(id);
  if (!channel) throw notFound('UNKNOWN_CHANNEL', `No channel ${id}`);
  return channel;
}
