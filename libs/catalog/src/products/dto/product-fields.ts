import { Transform } from 'class-transformer';

/** Letters, digits, `.`, `_` and `-`, starting with a letter or digit; compared ignoring case. */
export const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const SKU_MESSAGE = 'sku must be 1–64 letters, digits, ".", "_" or "-"';
export const SNOWFLAKE = /^\d{17,20}$/;
/** Category names: 1–64 characters with no control characters (they travel in URLs too). */
export const CATEGORY = /^[^\p{Cc}\p{Cf}]{1,64}$/u;
export const CATEGORY_MESSAGE = 'category must be 1–64 characters without control characters';

/** ISO-4217 codes the runtime knows (ICU's list of currencies in use). */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf('currency');

/** A single Unicode emoji (RGI, sequences included) or a Discord custom emoji `<:name:id>`. */
const UNICODE_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const CUSTOM_EMOJI = /^<a?:[A-Za-z0-9_]{2,32}:\d{17,20}>$/;
export const isEmoji = (value: string) => UNICODE_EMOJI.test(value) || CUSTOM_EMOJI.test(value);

/** Stock and thresholds stay within 0…1e9, so any accepted delta fits in a 32-bit integer. */
export const MAX_STOCK = 1_000_000_000;
export const MAX_PRICE_MINOR = Number.MAX_SAFE_INTEGER;
export const MAX_SORT_ORDER = 1_000_000_000;

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

/** Trims a string; anything else goes on to the validators unchanged. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Upper-cases a currency code, so `eur` is EUR. */
export const UpperCase = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toUpperCase() : value,
  );

/** `?flag=true|false` → boolean; other text stays text and fails `@IsBoolean`. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );
