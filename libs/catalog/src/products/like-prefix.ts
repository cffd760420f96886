/** A LIKE pattern (with `ESCAPE '\'`) matching strings that start with `text` literally. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
