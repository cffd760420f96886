/**
 * Typed readers over the process environment. Every value Botdeck reads from the environment
 * goes through one of these, so a missing or malformed variable stops start-up with a message
 * that names it.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

interface Common<T> {
  default?: T;
}

export class EnvReader {
  constructor(private readonly env: Env = process.env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, options: Common<string> & { minLength?: number } = {}): string {
    const value = this.raw(name) ?? options.default;
    if (value === undefined) throw new ConfigError(name, 'is required');
    if (options.minLength !== undefined && value.length < options.minLength) {
      throw new ConfigError(name, `must be at least ${options.minLength} characters long`);
    }
    return value;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, options: Common<number> & { min?: number; max?: number } = {}): number {
    const raw = this.raw(name);
    if (raw === undefined) {
      if (options.default === undefined) throw new ConfigError(name, 'is required');
      return options.default;
    }
    if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be an integer (got "${raw}")`);
    const value = Number(raw);
    if (options.min !== undefined && value < options.min) {
      throw new ConfigError(name, `must be at least ${options.min} (got ${value})`);
    }
    if (options.max !== undefined && value > options.max) {
      throw new ConfigError(name, `must be at most ${options.max} (got ${value})`);
    }
    return value;
  }

  bool(name: string, options: Common<boolean> = {}): boolean {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) {
      if (options.default === undefined) throw new ConfigError(name, 'is required');
      return options.default;
    }
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    throw new ConfigError(name, `must be true or false (got "${raw}")`);
  }

  url(name: string, options: Common<string> & { protocols: string[] }): string {
    const value = this.string(name, options);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(name, 'must be a valid URL');
    }
    if (!options.protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      throw new ConfigError(name, `must use one of: ${options.protocols.join(', ')}`);
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], options: Common<T> = {}): T {
    const value = this.raw(name) ?? options.default;
    if (value === undefined) throw new ConfigError(name, 'is required');
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigError(name, `must be one of: ${allowed.join(', ')} (got "${value}")`);
    }
    return value as T;
  }
}
