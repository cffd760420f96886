import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { PermissionOverwrite, SandboxChannel, SandboxGuild } from '../domain/entities';

export const Permissions = PermissionFlagsBits;

/** Every permission bit Discord defines. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce(
  (all, bit) => all | bit,
  0n,
);

/**
 * What @everyone holds in a sandbox guild: everything but Administrator, so channel overwrites
 * bite (Discord skips them for administrators) while a bot with no overwrites can do anything.
 */
export const EVERYONE_PERMISSIONS = ALL_PERMISSIONS & ~PermissionFlagsBits.Administrator;

export const OverwriteType = { Role: 0, Member: 1 } as const;

/** The guild-wide permissions of a member: @everyone plus their roles (Discord's base step). */
export function basePermissions(guild: SandboxGuild, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  let permissions = guild.everyonePermissions;
  for (const roleId of guild.memberRoles.get(userId) ?? []) {
    permissions |= guild.roles.get(roleId)?.permissions ?? 0n;
  }
  return (permissions & Permissions.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
}

/**
 * A member's permissions in a channel, computed as Discord documents it: base permissions,
 * then the @everyone overwrite, then the member's role overwrites together, then the member's
 * own overwrite — each denying first and allowing second. Administrators skip overwrites.
 */
export function channelPermissions(
  guild: SandboxGuild,
  channel: SandboxChannel,
  userId: string,
): bigint {
  const base = basePermissions(guild, userId);
  if ((base & Permissions.Administrator) !== 0n) return ALL_PERMISSIONS;
  const apply = (permissions: bigint, overwrite: { allow: bigint; deny: bigint } | undefined) =>
    overwrite ? (permissions & ~overwrite.deny) | overwrite.allow : permissions;

  let permissions = apply(base, channel.overwrites.get(guild.id));
  const roles = guild.memberRoles.get(userId) ?? new Set<string>();
  const roleOverwrites = [...channel.overwrites.values()].filter(
    (o) => o.type === OverwriteType.Role && o.id !== guild.id && roles.has(o.id),
  );
  permissions = apply(permissions, {
    allow: roleOverwrites.reduce((all, o) => all | o.allow, 0n),
    deny: roleOverwrites.reduce((all, o) => all | o.deny, 0n),
  });
  const own = channel.overwrites.get(userId);
  return apply(permissions, own?.type === OverwriteType.Member ? own : undefined);
}

export function hasPermission(permissions: bigint, flag: bigint): boolean {
  return (permissions & flag) === flag;
}

/** An overwrite in its wire shape: bitfields as decimal strings, as Discord sends them. */
export function apiOverwrite(overwrite: PermissionOverwrite): Record<string, unknown> {
  return {
    id: overwrite.id,
    type: overwrite.type,
    allow: overwrite.allow.toString(),
    deny: overwrite.deny.toString(),
  };
}
