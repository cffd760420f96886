import { AppError } from '@botdeck/core';
import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { errorCodeOf, optionsOf } from './command-tracker';

describe('errorCodeOf', () => {
  it('keeps the code of a Botdeck error', () => {
    expect(errorCodeOf(new AppError('BOT_NOT_FOUND', 404, 'gone'))).toBe('BOT_NOT_FOUND');
  });

  it('falls back to COMMAND_FAILED for anything else', () => {
    expect(errorCodeOf(new TypeError('x is undefined'))).toBe('COMMAND_FAILED');
    expect(errorCodeOf('a string')).toBe('COMMAND_FAILED');
  });
});

describe('optionsOf', () => {
  it('maps options by name, nesting subcommands', () => {
    const data = [
      {
        name: 'add',
        type: ApplicationCommandOptionType.Subcommand,
        options: [
          { name: 'text', type: ApplicationCommandOptionType.String, value: 'hi' },
          { name: 'count', type: ApplicationCommandOptionType.Integer, value: 3 },
        ],
      },
    ] as CommandInteractionOption[];
    expect(optionsOf(data)).toEqual({ add: { text: 'hi', count: 3 } });
  });

  it('records an option without a value as null', () => {
    const data = [{ name: 'flag', type: ApplicationCommandOptionType.Boolean }];
    expect(optionsOf(data as CommandInteractionOption[])).toEqual({ flag: null });
  });
});
