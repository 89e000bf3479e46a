/** What each front matter key holds. */
export const FRONT_MATTER_KINDS = {
  id: "text",
  order: "whole number",
  title: "text",
  description: "text",
  searchTerms: "list",
  clauseSearchTerms: "lists by id",
  aliases: "pairs",
} as const;

/** The closest allowed key to a mistyped one (`Title`, `titel`), if there is one. */
export function closestKey(key: string): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = row[j];
        row[j] = next;
      }
    }
    return row[b.length];
  };
  return Object.keys(FRONT_MATTER_KINDS).find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
}
