/**
 * A phrase put into a text at the cursor: on a line of its own after what precedes it, so phrases
 * pressed one after another read as a list. Returns the text and where the cursor goes (after the
 * phrase, so the next one follows it).
 */
export function insertPhrase(value: string, at: number, phrase: string): { text: string; cursor: number } {
  const before = value.slice(0, at);
  const joined = `${before}${before && !before.endsWith("\n") ? "\n" : ""}${phrase}`;
  return { text: `${joined}${value.slice(at)}`, cursor: joined.length };
}
