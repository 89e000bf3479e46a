import type { Token } from "markdown-it";
import { checkAttributes } from "./attribute-rules.ts";
import type { Add, InspectorEnv, RichTextScan } from "./rich-text-scan.ts";

/** Inline content a summary may hold: text with emphasis, links and code. */
const SUMMARY_INLINE = /^(text|text_special|softbreak|hardbreak|code_inline|(em|strong|s|link)_(open|close))$/;

/** Note references in inline text, text that looks like one but is not, and inline notes' lines. */
export function scanInlineNotes(
  children: Token[],
  firstLine: number,
  env: InspectorEnv,
  inSummary: boolean,
  add: Add,
  scan: RichTextScan,
): void {
  let line = firstLine;
  for (const child of children) {
    checkAttributes(child, line, add);
    if (inSummary && !SUMMARY_INLINE.test(child.type))
      add(
        line,
        "a summary holds plain text, emphasis, links and code only",
        "Notes, images and other markup belong in the section's text.",
      );
    if (child.type === "footnote_ref") {
      const note = env.footnotes?.list?.[(child.meta as { id: number }).id];
      if (note?.tokens) {
        scan.inlineNoteLines.set(note.tokens, line);
        scanInlineNotes(note.tokens, line, env, false, add, scan);
      }
    }
    if (child.type === "text") {
      for (const match of child.content.matchAll(/\[\^([^\]\n]*)\]/g))
        add(
          line,
          `\`${match[0]}\` is not a note reference: no note \`${match[0]}:\` is defined`,
          `Define it on its own line, \`${match[0]}: The note's text.\`, labels without spaces; to show it as text, escape it: \`\\${match[0]}\`.`,
        );
    }
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    line += (child.content.match(/\n/g) ?? []).length;
  }
}

/**
 * Each note defined once, with text, and referred to: markdown-it-footnote drops a note nothing
 * refers to and keeps the last of two with one label, without a word.
 */
export function noteDefinitionRules(env: InspectorEnv, bodyLine: number, add: Add): void {
  const seen = new Set<string>();
  for (const { label, line: bodyIndex, empty } of env.noteDefinitions ?? []) {
    const line = bodyLine + bodyIndex;
    if (seen.has(label))
      add(
        line,
        `the note \`[^${label}]\` is defined twice`,
        "Give each note its own label, or delete one of the two definitions.",
      );
    seen.add(label);
    if (empty) add(line, `the note \`[^${label}]\` has no text`, "Write the note's text after `[^label]:`.");
    if (env.footnotes?.refs?.[`:${label}`] === -1)
      add(
        line,
        `the note \`[^${label}]\` is defined but never referenced`,
        `Refer to it in the text with \`[^${label}]\`, or delete it: an unreferenced note would not be shown.`,
      );
  }
}
