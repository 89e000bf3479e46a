import type { Token } from "markdown-it";
import type { Add } from "./rich-text-scan.ts";

/** Where a table is: the line of its first token, the body's lines and the file line the body starts on. */
export interface TablePlace {
  line: number;
  sourceLines: string[];
  bodyLine: number;
}

/**
 * A table's rules: a caption (it names the table for screen readers and on paper), a header for
 * every column, and no row with more cells than the header has columns (markdown-it drops the
 * extra cells without a word: legal text lost).
 */
export function tableRules(tokens: Token[], open: number, place: TablePlace, add: Add): void {
  if (tokens[open + 1].type !== "caption_open")
    add(
      place.line,
      "the table has no caption",
      "Write `Table: what it lists` on the line just above it: the caption names the table for screen readers and in print.",
    );
  const headers = tokens.slice(
    open,
    tokens.findIndex((t, i) => i > open && t.type === "thead_close"),
  );
  if (headers.some((t) => t.type === "inline" && t.content.trim() === ""))
    add(
      place.line,
      "the table has a column without a header",
      "Write a header for every column in the table's first row.",
    );
  tableRowRules(tokens, open, place, add);
}

/** The cells of a table row as markdown-it splits it: on pipes not escaped, outer pipes dropped. */
export function rowCells(line: string): number {
  const cells = line
    .replace(/^[\s>]*/, "")
    .trim()
    .split(/(?<!\\)\|/);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === "") cells.pop();
  return cells.length;
}

/** markdown-it drops the cells of a row beyond the header's columns, without a word: refused here. */
function tableRowRules(tokens: Token[], open: number, { sourceLines, bodyLine }: TablePlace, add: Add): void {
  let columns = 0;
  for (let i = open; tokens[i].type !== "table_close"; i++) {
    if (tokens[i].type === "th_open") columns++;
    if (tokens[i].type !== "tr_open" || tokens[i].map === null || tokens[i + 1].type === "th_open") continue;
    const line = tokens[i].map![0];
    const cells = rowCells(sourceLines[line] ?? "");
    if (cells > columns) {
      add(
        bodyLine + line,
        `the table row has ${cells} cells but the table has ${columns} columns`,
        "Add a header for the extra column, or join the cells: markdown-it would drop the extra ones. Escape a pipe inside a cell as `\\|`.",
      );
      return;
    }
  }
}
