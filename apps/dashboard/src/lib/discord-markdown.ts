/** A piece of a Discord message as the preview draws it; never raw HTML. */
export type Segment =
  | { kind: 'text' | 'bold' | 'italic' | 'code' | 'strike'; text: string }
  | { kind: 'mention'; text: string; pings: boolean };

const TOKEN =
  /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`|~~[^~]+~~|@everyone|@here|<@[!&]?\d+>)/g;

/**
 * The subset of Discord markdown an announcement typically uses. A mention is marked as pinging
 * only when the allowed mentions let it (Botdeck sends `parse: []` unless told otherwise).
 */
export function parseMessage(
  content: string,
  allowed: { everyone: boolean; users: boolean; roles: boolean },
): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of content.matchAll(TOKEN)) {
    const token = match[0];
    const index = match.index ?? 0;
    if (index > last) segments.push({ kind: 'text', text: content.slice(last, index) });
    last = index + token.length;
    if (token.startsWith('**') || token.startsWith('__'))
      segments.push({ kind: 'bold', text: token.slice(2, -2) });
    else if (token.startsWith('~~')) segments.push({ kind: 'strike', text: token.slice(2, -2) });
    else if (token.startsWith('`')) segments.push({ kind: 'code', text: token.slice(1, -1) });
    else if (token === '@everyone' || token === '@here')
      segments.push({ kind: 'mention', text: token, pings: allowed.everyone });
    else if (token.startsWith('<@&'))
      segments.push({ kind: 'mention', text: `@role ${token.slice(3, -1)}`, pings: allowed.roles });
    else if (token.startsWith('<@'))
      segments.push({
        kind: 'mention',
        text: `@user ${token.replace(/\D/g, '')}`,
        pings: allowed.users,
      });
    else segments.push({ kind: 'italic', text: token.slice(1, -1) });
  }
  if (last < content.length) segments.push({ kind: 'text', text: content.slice(last) });
  return segments;
}

/** Discord's limit for a message's content. */
export const MAX_CONTENT = 2000;
