import { ApiCommand } from '../domain/entities';

/** Options as Discord sends them; a `{ name: value }` map takes its types from the command. */
export function commandData(
  command: ApiCommand,
  options: Record<string, unknown> | unknown[] | undefined,
): Record<string, unknown> {
  let list: unknown[] | undefined;
  if (Array.isArray(options)) list = options;
  else if (options && typeof options === 'object') {
    const declared = (command.options ?? []) as { name: string; type: number }[];
    list = Object.entries(options).map(([name, value]) => ({
      name,
      type: declared.find((o) => o.name === name)?.type ?? inferOptionType(value),
      value,
    }));
  }
  return {
    id: command.id,
    name: command.name,
    type: command.type,
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    ...(list ? { options: list } : {}),
  };
}

function inferOptionType(value: unknown): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}
