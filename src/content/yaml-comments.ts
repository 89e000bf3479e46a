import { type Document, isMap, isPair, isScalar, isSeq, type Node, type Scalar } from "yaml";
import { lineIndexOf, quotedLine } from "./yaml-text.ts";

/** A comment in front matter, where it is and what the author probably meant. */
export interface YamlComment {
  /** File line. */
  line: number;
  /** 0-based column of its `#`. */
  column: number;
  /** The comment as typed, `#` included. */
  text: string;
  /** Something other than spaces comes before it on its line. */
  afterText: boolean;
  /** The line rewritten with the comment kept as part of the value before it, when that is likely what was meant. */
  intended?: string;
}

/** A text value and how it was introduced: `title: ` for a map value, `- ` for a list item. */
interface ValueScalar {
  node: Scalar;
  prefix: string;
}

/** Every scalar value in the document with the key or dash before it. */
function valueScalars(doc: Document.Parsed, source: string): ValueScalar[] {
  const found: ValueScalar[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (isScalar(node)) found.push({ node, prefix });
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const keyText = key?.range ? source.slice(key.range[0], key.range[1]) : String(key);
        walk(pair.value, node.flow ? "" : `${keyText}: `);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item, node.flow ? "" : "- ");
  };
  walk(doc.contents, "");
  return found.filter((v) => v.node.range);
}

/** Every comment token of the concrete syntax tree, wherever it sits. */
function commentTokens(token: unknown, into: Array<{ offset: number; source: string }> = []) {
  if (Array.isArray(token)) for (const item of token) commentTokens(item, into);
  else if (token && typeof token === "object") {
    const t = token as { type?: string; offset?: number; source?: unknown };
    if (t.type === "comment" && typeof t.source === "string") into.push({ offset: t.offset!, source: t.source });
    else for (const value of Object.values(token)) if (value && typeof value === "object") commentTokens(value, into);
  }
  return into;
}

/**
 * Finds each comment with its position, and, when it directly follows a plain value, the line
 * that keeps it as text: `title: Cookies #1 and You` → `title: "Cookies #1 and You"`.
 */
export function findComments(
  tokens: unknown[],
  source: string,
  starts: number[],
  doc: Document.Parsed,
  firstLine: number,
): YamlComment[] {
  const scalars = valueScalars(doc, source);
  return commentTokens(tokens).map(({ offset, source: text }) => {
    const index = lineIndexOf(starts, offset);
    const lineStart = starts[index];
    const lineEnd = source.indexOf("\n", offset) === -1 ? source.length : source.indexOf("\n", offset);
    const afterText = source.slice(lineStart, offset).trim() !== "";
    const before = scalars.filter((s) => s.node.range![1] <= offset).at(-1);
    const comment: YamlComment = { line: firstLine + index, column: offset - lineStart, text, afterText };
    if (!before) return comment;
    const [start, end] = before.node.range!;
    const endIndex = lineIndexOf(starts, Math.max(start, end - 1));
    const plain = before.node.type === "PLAIN";
    if (afterText && endIndex === index) {
      const startsHere = lineIndexOf(starts, start) === index;
      const typed = startsHere
        ? source.slice(start, lineEnd).trimEnd()
        : `${String(before.node.source ?? before.node.value)} ${source.slice(offset, lineEnd).trimEnd()}`;
      if (plain || startsHere) comment.intended = quotedLine(before.prefix, typed);
    } else if (!afterText && plain && endIndex === index - 1 && source.slice(start, end).trim() !== "") {
      comment.intended = quotedLine(before.prefix, `${String(before.node.source ?? before.node.value)} ${text}`);
    }
    return comment;
  });
}
