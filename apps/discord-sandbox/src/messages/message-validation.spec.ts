import { DiscordError } from '../discord/discord-error';
import { validateMessageBody } from './message-validation';

function errorOf(body: unknown, mode: 'create' | 'edit' = 'create'): DiscordError {
  try {
    validateMessageBody(body, mode);
  } catch (error) {
    if (error instanceof DiscordError) return error;
    throw error;
  }
  throw new Error('expected a DiscordError');
}

/** Walks the errors tree without caring about its exact static type. */
function leaf(error: DiscordError, ...path: string[]): { code: string; message: string } {
  let node: unknown = error.errors;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return (node as { _errors: { code: string; message: string }[] })._errors[0];
}

describe('validateMessageBody', () => {
  it('accepts content at the 2000-character limit', () => {
    expect(validateMessageBody({ content: 'x'.repeat(2000) }, 'create').content).toHaveLength(2000);
  });

  it('names content when it is too long (50035)', () => {
    const error = errorOf({ content: 'x'.repeat(2001) });
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({
      message: 'Invalid Form Body',
      code: 50035,
      errors: {
        content: {
          _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
        },
      },
    });
  });

  it('rejects more than 10 embeds and more than 25 fields, naming the embed', () => {
    expect(errorOf({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }).errors).toEqual({
      embeds: { _errors: [expect.objectContaining({ code: 'BASE_TYPE_MAX_LENGTH' })] },
    });
    const fields = Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' }));
    const error = errorOf({ embeds: [{ title: 'ok' }, { fields }] });
    expect(leaf(error, 'embeds', '1', 'fields').code).toBe('BASE_TYPE_MAX_LENGTH');
  });

  it('rejects a title over 256 and a total over 6000 characters', () => {
    const title = leaf(errorOf({ embeds: [{ title: 't'.repeat(257) }] }), 'embeds', '0', 'title');
    expect(title.message).toBe('Must be 256 or fewer in length.');

    const big = { description: 'd'.repeat(4000) };
    expect(leaf(errorOf({ embeds: [big, big] }), 'embeds').code).toBe('MAX_EMBED_SIZE_EXCEEDED');
  });

  it('requires field names and values', () => {
    const error = errorOf({ embeds: [{ fields: [{ name: 'n' }] }] });
    expect(leaf(error, 'embeds', '0', 'fields', '0', 'value').code).toBe('BASE_TYPE_REQUIRED');
  });

  it('refuses an empty create (50006) but allows an empty edit', () => {
    expect(errorOf({}).code).toBe(50006);
    expect(validateMessageBody({ content: '' }, 'edit')).toEqual({ content: '' });
  });
});
