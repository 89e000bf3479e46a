import markdownIt, { type StateCore, type Token } from "markdown-it";
import attrs from "markdown-it-attrs";
import { ContentError } from "../lib/problems.ts";
import { ID_PATTERN } from "./ids.ts";
import { usePolicySyntax } from "./policy-syntax.ts";
import { type InspectorEnv, type RichTextScan, scanRichText } from "./rich-text-scan.ts";

/** A heading as written: its level before any offset, and the id declared with `{#id}`, if any. */
export interface WrittenHeading {
  level: number;
  id: string | undefined;
  text: string;
  line: number;
}

export interface WrittenLink {
  href: string;
  line: number;
}

/** What a section's Markdown contains, with file line numbers, for the rules below and the policy-wide checks. */
export interface MarkdownScan {
  headings: WrittenHeading[];
  links: WrittenLink[];
  images: WrittenLink[];
  html: Array<{ content: string; line: number }>;
  /** `{#id}` written on something other than a heading (a paragraph, a list item, a link). */
  strayIds: Array<{ id: string; line: number }>;
  /** Tables, notes, defined terms, callouts, summaries and `{…}` attributes (rich-text-scan.ts). */
  rich: RichTextScan;
}

/**
 * Parses like the site's renderer (same block and inline rules, same `{#id}` attributes) but
 * keeps what the renderer hides: raw HTML becomes html tokens instead of text, and every link
 * is kept whatever its scheme (markdown-it would silently drop a `javascript:` link, so the
 * author would never hear about it). Every `{…}` attribute is kept too, so one the renderer would
 * drop is reported, and escaped characters stay apart from the text around them, so an escaped
 * `\[^1]` is not taken for a note reference. Used only to inspect, never to render.
 */
const inspector = markdownIt({ html: true, linkify: false, typographer: false });
inspector.validateLink = () => true;
usePolicySyntax(inspector);
inspector.use(attrs, { allowedAttributes: [] });
inspector.core.ruler.disable("text_join");
// markdown-it-footnote drops a definition nothing refers to and keeps the last of two with one
// label; note every definition and its line before that happens.
inspector.core.ruler.before("footnote_tail", "note_definitions", (state: StateCore) => {
  const env = state.env as InspectorEnv;
  env.noteDefinitions = [];
  state.tokens.forEach((token, i) => {
    if (token.type !== "footnote_reference_open") return;
    const label = (token.meta as { label: string }).label;
    const next = state.tokens[i + 1];
    const at = next.map?.[0] ?? state.src.slice(0, state.src.indexOf(`[^${label}]:`)).split("\n").length - 1;
    env.noteDefinitions!.push({ label, line: at, empty: next.type === "footnote_reference_close" });
  });
});

/** Reads a section body; `bodyLine` is the file line where the body starts, so lines name the real file line. */
export function scanMarkdown(body: string, bodyLine = 1): MarkdownScan {
  const env: InspectorEnv = {};
  const tokens = inspector.parse(body, env as Record<PropertyKey, unknown>);
  const rich = scanRichText(tokens, env, bodyLine, body);
  const scan: MarkdownScan = { headings: [], links: [], images: [], html: [], strayIds: [], rich };
  let line = bodyLine;
  tokens.forEach((token, i) => {
    if (token.map) line = bodyLine + token.map[0];
    // An inline note's text has no line of its own: it is where its reference is.
    if (token.type === "inline" && rich.inlineNoteLines.has(token.children ?? []))
      line = rich.inlineNoteLines.get(token.children ?? [])!;
    if (token.type === "heading_open" && !rich.containedHeadings.has(i)) {
      const text =
        tokens[i + 1].children
          ?.filter((c) => c.type === "text" || c.type === "text_special" || c.type === "code_inline")
          .map((c) => c.content)
          .join("") ?? "";
      scan.headings.push({
        level: Number(token.tag.slice(1)),
        id: token.attrGet("id")?.toString(),
        text: text.trim(),
        line,
      });
    } else if (token.attrGet("id") !== null && token.type !== "heading_open") {
      scan.strayIds.push({ id: String(token.attrGet("id")), line });
    }
    if (token.type === "html_block") scan.html.push({ content: token.content.trim(), line });
    if (token.type === "inline") scanInline(token.children ?? [], line, scan);
  });
  return scan;
}

function scanInline(children: Token[], firstLine: number, scan: MarkdownScan): void {
  let line = firstLine;
  for (const child of children) {
    if (child.type === "link_open") scan.links.push({ href: String(child.attrGet("href") ?? ""), line });
    if (child.type === "image") scan.images.push({ href: String(child.attrGet("src") ?? ""), line });
    if (child.type === "html_inline") scan.html.push({ content: child.content, line });
    if (child.attrGet("id") !== null) scan.strayIds.push({ id: String(child.attrGet("id")), line });
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    line += (child.content.match(/\n/g) ?? []).length;
  }
}

/** Content headings start at h2 (the layout owns h1) and stop at h5 (h6 is the deepest level inside the whole policy). */
export const MAX_HEADING_LEVEL = 5;

/** The rules one section's Markdown must meet on its own: every broken rule, each at its line. */
export function checkMarkdown(file: string, scan: MarkdownScan): ContentError[] {
  const problems: ContentError[] = [];
  const fail = (line: number, problem: string, hint: string): void => {
    // One problem per line: the first rule a line breaks is the one to fix first.
    if (!problems.some((p) => p.line === line)) problems.push(new ContentError(file, problem, hint, line));
  };
  let previous = 1;
  for (const heading of scan.headings) {
    const hashes = "#".repeat(heading.level);
    if (heading.level === 1)
      fail(
        heading.line,
        "a level-1 heading (`# …`) is not allowed in a section",
        "The page's title comes from `title` in the front matter; write clauses as `## Heading {#id}`.",
      );
    if (heading.level > previous + 1)
      fail(
        heading.line,
        `the heading skips from level ${previous} to level ${heading.level} (\`${hashes}\`)`,
        previous === 1
          ? "The first heading of a section is `##`."
          : `Use at most \`${"#".repeat(previous + 1)}\` here.`,
      );
    if (heading.level > MAX_HEADING_LEVEL)
      fail(
        heading.line,
        `a level-${heading.level} heading is deeper than the policy allows`,
        `Use \`##\` to \`${"#".repeat(MAX_HEADING_LEVEL)}\` headings.`,
      );
    if (heading.text === "")
      fail(heading.line, "the heading has no text", "Write the heading's words before its `{#id}`.");
    if (heading.id === undefined)
      fail(
        heading.line,
        `the heading “${heading.text}” has no id`,
        `End it with a stable id, e.g. \`${hashes} ${heading.text} {#some-short-id}\`; links to the clause use it.`,
      );
    else if (!ID_PATTERN.test(heading.id))
      fail(
        heading.line,
        `the heading id \`${heading.id}\` is not a valid id`,
        "Ids are lowercase letters and digits in words joined by single hyphens, e.g. `{#information-you-give-us}`.",
      );
    previous = heading.level;
  }
  for (const stray of scan.strayIds) {
    fail(
      stray.line,
      `\`{#${stray.id}}\` gives an id to something that is not a heading`,
      "Only headings carry ids; remove the `{#…}` or put it at the end of a heading.",
    );
  }
  for (const html of scan.html) {
    fail(
      html.line,
      `raw HTML (\`${html.content.split("\n")[0].slice(0, 60)}\`) is not allowed in the policy text`,
      "Write it in Markdown instead; to show an angle bracket as text, escape it: `\\<b>`.",
    );
  }
  for (const image of scan.images) {
    fail(
      image.line,
      `the image \`${image.href}\` is not allowed`,
      "The policy is text only, and the site loads nothing from other servers; describe it in words or link to it.",
    );
  }
  for (const rich of [...scan.rich.problems].sort((a, b) => a.line - b.line)) fail(rich.line, rich.problem, rich.hint);
  return problems;
}
