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
  allowedMentionIds: 100,
} as const;

/** What `allowed_mentions` lets ping; absent means Discord's default, everything parsed. */
export interface AllowedMentions {
  parse?: ('roles' | 'users' | 'everyone')[];
  roles?: string[];
  users?: string[];
  replied_user?: boolean;
}

/** The message fields the sandbox understands; anything else a client sends is ignored. */
export interface MessageBody {
  content?: string;
  embeds?: Record<string, unknown>[];
  components?: unknown[];
  flags?: number;
  tts?: boolean;
  nonce?: string | number;
  enforce_nonce?: boolean;
  sticker_ids?: string[];
  attachments?: unknown[];
  message_reference?: Record<string, unknown>;
  allowed_mentions?: AllowedMentions | null;
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
  checkNonce(errors, body.nonce);
  if (body.enforce_nonce !== undefined && typeof body.enforce_nonce !== 'boolean') {
    errors.add(['enforce_nonce'], {
      code: 'BASE_TYPE_BOOLEAN',
      message: 'Must be either true or false.',
    });
  }
  checkAllowedMentions(errors, body.allowed_mentions);
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

/** A nonce is an integer or a string of at most 25 characters. */
function checkNonce(errors: ErrorCollector, nonce: unknown): void {
  if (nonce === undefined || nonce === null) return;
  if (typeof nonce === 'string') {
    checkString(errors, ['nonce'], nonce, MESSAGE_LIMITS.nonce);
  } else if (typeof nonce !== 'number' || !Number.isSafeInteger(nonce)) {
    errors.add(['nonce'], {
      code: 'NONCE_TYPE_INVALID',
      message: 'Nonce must be an integer or a string.',
    });
  }
}

const MENTION_TYPES = ['roles', 'users', 'everyone'];

function checkAllowedMentions(errors: ErrorCollector, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const mentions = asRecord(raw);
  if (!mentions) {
    errors.add(['allowed_mentions'], {
      code: 'MODEL_TYPE_CONVERT',
      message: 'Only dictionaries may be used in a ModelType',
    });
    return;
  }
  const parse = mentions.parse;
  if (parse !== undefined) {
    if (!Array.isArray(parse)) errors.add(['allowed_mentions', 'parse'], notArray());
    else
      parse.forEach((type, index) => {
        if (!MENTION_TYPES.includes(type as string)) {
          errors.add(['allowed_mentions', 'parse', index], {
            code: 'BASE_TYPE_CHOICES',
            message: `Value must be one of {${MENTION_TYPES.map((t) => `'${t}'`).join(', ')}}.`,
          });
        }
      });
  }
  for (const kind of ['roles', 'users'] as const) {
    const ids = mentions[kind];
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) {
      errors.add(['allowed_mentions', kind], notArray());
      continue;
    }
    if (ids.length > MESSAGE_LIMITS.allowedMentionIds)
      errors.add(['allowed_mentions', kind], maxLength(MESSAGE_LIMITS.allowedMentionIds));
    ids.forEach((id, index) => {
      if (typeof id !== 'string' || !/^\d{1,20}$/.test(id)) {
        errors.add(['allowed_mentions', kind, index], {
          code: 'NUMBER_TYPE_COERCE',
          message: `Value "${String(id)}" is not snowflake.`,
        });
      }
    });
    // Discord refuses a type both parsed wholesale and listed id by id.
    if (Array.isArray(parse) && parse.includes(kind) && ids.length > 0) {
      errors.add(['allowed_mentions'], {
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }
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
