/** Discord's documented message limits (the sandbox enforces the same). */
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
} as const;

const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** The characters of one embed that count towards Discord's 6 000 across a message. */
export function embedLength(raw: unknown): number {
  const embed = record(raw);
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  return (
    text(embed.title) +
    text(embed.description) +
    text(record(embed.footer).text) +
    text(record(embed.author).name) +
    fields.reduce<number>(
      (sum, field) => sum + text(record(field).name) + text(record(field).value),
      0,
    )
  );
}
