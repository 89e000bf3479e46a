/**
 * Chromium 147 builds a PDF's bookmarks from the headings but drops the space where a heading
 * wraps onto a second line ("Do WeGather?"). The headings' own text is known, so each bookmark
 * whose title is a heading's with whitespace lost gets that heading's text back. Only the
 * bookmarks' objects are rewritten (src/pdf/finish-pdf.ts appends them as an update).
 */

/** An object of the PDF, by number, with its dictionary as written. */
export interface PdfObject {
  number: number;
  dictionary: string;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

/** The text of a PDF string token: `(literal)` or `<FEFF…>` UTF-16BE hex. */
export function decodePdfString(token: string): string {
  if (token.startsWith("<")) {
    const bytes = Buffer.from(token.slice(1, -1).replace(/\s+/g, ""), "hex");
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
    return bytes.toString("latin1");
  }
  return token
    .slice(1, -1)
    .replace(/\\([0-7]{1,3}|.)/gs, (_, code: string) =>
      /^[0-7]+$/.test(code) ? String.fromCharCode(Number.parseInt(code, 8)) : (ESCAPES[code] ?? code),
    );
}

const TITLE = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/s;

/** The bookmarks (outline items: a title and a parent) among the file's plain objects. */
export function outlineItems(text: string): Array<PdfObject & { title: string }> {
  const items: Array<PdfObject & { title: string }> = [];
  for (const match of text.matchAll(/\n(\d+) 0 obj\s*<<((?:(?!endobj|stream)[\s\S])*)>>\s*endobj/g)) {
    const dictionary = match[2];
    const title = TITLE.exec(dictionary);
    if (!title || !/\/Parent\s+\d+ 0 R/.test(dictionary)) continue;
    items.push({ number: Number(match[1]), dictionary, title: decodePdfString(title[1]) });
  }
  return items;
}

const squash = (text: string): string => text.replace(/\s+/g, "");

/** The bookmarks to rewrite, each with its title as the heading reads. */
export function repairedOutline(text: string, headings: readonly string[], encode: (s: string) => string): PdfObject[] {
  const byLetters = new Map(headings.map((heading) => [squash(heading), heading.replace(/\s+/g, " ").trim()]));
  return outlineItems(text).flatMap((item) => {
    const heading = byLetters.get(squash(item.title));
    if (heading === undefined || heading === item.title) return [];
    return [{ number: item.number, dictionary: item.dictionary.replace(TITLE, `/Title ${encode(heading)}`) }];
  });
}
