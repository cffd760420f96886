import { ConfigError } from '@botdeck/core';
import { parseCooldowns } from './commands.config';

describe('parseCooldowns', () => {
  it('reads <command>:<ms> pairs', () => {
    expect(parseCooldowns('ping:1000, botinfo:0')).toEqual({ ping: 1000, botinfo: 0 });
  });

  it('treats an absent value as no overrides', () => {
    expect(parseCooldowns(undefined)).toEqual({});
  });

  it.each(['ping', 'ping:soon', ':100', 'bad name:5'])('refuses %p, naming the variable', (raw) => {
    expect(() => parseCooldowns(raw)).toThrow(ConfigError);
    expect(() => parseCooldowns(raw)).toThrow(/COMMAND_COOLDOWNS/);
  });
});
