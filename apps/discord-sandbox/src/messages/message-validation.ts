import { DiscordErrors, ErrorTree, FieldError } from '../discord/discord-error';

/** Discord's documented message limits. */
export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  nonce: 25,
} as const;

/** The message fields the sandbox understands; anything else a client sends is ignored. */
export interface MessageBody {
  content?: string;
  embeds?: Record<string, unknown>[];
  components?: unknown[];
  flags?: number;
  tts?: boolean;
  nonce?: string | number;
  sticker_ids?: string[];
  attachments?: unknown[];
  message_reference?: Record<string, unknown>;
  allowed_mentions?: unknown;
  poll?: unknown;
}

/** Collects field errors into Discord's `errors` tree, keyed by path. */
class ErrorCollector {
  readonly tree: ErrorTree = {};
  private count = 0;

  add(path: (string | number)[], error: FieldError): void {
    let node = this.tree;
    for (const key of path.map(String)) {
      node[key] ??= {};
      node = node[key] as ErrorTree;
    }
    ((node._errors ??= []) as FieldError[]).push(error);
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }
}

const maxLength = (limit: number): FieldError => ({
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${limit} or fewer in length.`,
});
const required = (): FieldError => ({
  code: 'BASE_TYPE_REQUIRED',
  message: 'This field is required',
});
const notString = (): FieldError => ({ code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
const notArray = (): FieldError => ({ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });

function checkString(
  errors: ErrorCollector,
  path: (string | number)[],
  value: unknown,
  limit: number,
  options: { required?: boolean } = {},
): number {
  if (value === undefined || value === null) {
    if (options.required) errors.add(path, required());
    return 0;
  }
  if (typeof value !== 'string') {
    errors.add(path, notString());
    return 0;
  }
  if (value.length > limit) errors.add(path, maxLength(limit));
  return value.length;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Validates one embed and returns how many characters count towards the 6000 total. */
function checkEmbed(errors: ErrorCollector, index: number, raw: unknown): number {
  const embed = asRecord(raw);
  if (!embed) {
    errors.add(['embeds', index], {
      code: 'MODEL_TYPE_CONVERT',
      message: 'Only dictionaries may be used in a ModelType',
    });
    return 0;
  }
  const at = (...path: (string | number)[]) => ['embeds', index, ...path];
  let total = 0;
  total += checkString(errors, at('title'), embed.title, MESSAGE_LIMITS.embedTitle);
  total += checkString(
    errors,
    at('description'),
    embed.description,
    MESSAGE_LIMITS.embedDescription,
  );
  total += checkString(
    errors,
    at('footer', 'text'),
    asRecord(embed.footer)?.text,
    MESSAGE_LIMITS.footerText,
  );
  total += checkString(
    errors,
    at('author', 'name'),
    asRecord(embed.author)?.name,
    MESSAGE_LIMITS.authorName,
  );
  if (embed.fields !== undefined) {
    if (!Array.isArray(embed.fields)) {
      errors.add(at('fields'), notArray());
    } else {
      if (embed.fields.length > MESSAGE_LIMITS.embedFields) {
        errors.add(at('fields'), maxLength(MESSAGE_LIMITS.embedFields));
      }
      embed.fields.forEach((rawField, fieldIndex) => {
        const field = asRecord(rawField) ?? {};
        total += checkString(
          errors,
          at('fields', fieldIndex, 'name'),
          field.name,
          MESSAGE_LIMITS.fieldName,
          { required: true },
        );
        total += checkString(
          errors,
          at('fields', fieldIndex, 'value'),
          field.value,
          MESSAGE_LIMITS.fieldValue,
          { required: true },
        );
      });
    }
  }
  return total;
}

/**
 * Checks a message body against Discord's limits and throws Discord's own errors: 50035 with
 * the offending fields named in the `errors` tree, or 50006 for a create with nothing to show.
 */
export function validateMessageBody(raw: unknown, mode: 'create' | 'edit'): MessageBody {
  const body = asRecord(raw) ?? {};
  const errors = new ErrorCollector();

  checkString(errors, ['content'], body.content, MESSAGE_LIMITS.content);
  if (body.nonce !== undefined && typeof body.nonce === 'string') {
    checkString(errors, ['nonce'], body.nonce, MESSAGE_LIMITS.nonce);
  }
  if (body.embeds !== undefined && body.embeds !== null) {
    if (!Array.isArray(body.embeds)) {
      errors.add(['embeds'], notArray());
    } else {
      if (body.embeds.length > MESSAGE_LIMITS.embeds) {
        errors.add(['embeds'], maxLength(MESSAGE_LIMITS.embeds));
      }
      const total = body.embeds.reduce<number>(
        (sum, embed, i) => sum + checkEmbed(errors, i, embed),
        0,
      );
      if (total > MESSAGE_LIMITS.embedTotal) {
        errors.add(['embeds'], {
          code: 'MAX_EMBED_SIZE_EXCEEDED',
          message: `Embed size exceeds maximum size of ${MESSAGE_LIMITS.embedTotal}`,
        });
      }
    }
  }
  if (body.components !== undefined && body.components !== null) {
    if (!Array.isArray(body.components)) errors.add(['components'], notArray());
    else if (body.components.length > MESSAGE_LIMITS.actionRows) {
      errors.add(['components'], maxLength(MESSAGE_LIMITS.actionRows));
    }
  }
  if (!errors.empty) throw DiscordErrors.invalidFormBody(errors.tree);

  const message = body as MessageBody;
  if (mode === 'create' && isEmpty(message)) throw DiscordErrors.emptyMessage();
  return message;
}

function isEmpty(body: MessageBody): boolean {
  return (
    !body.content &&
    !body.embeds?.length &&
    !body.components?.length &&
    !body.sticker_ids?.length &&
    !body.attachments?.length &&
    !body.poll
  );
}
