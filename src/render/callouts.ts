import type { MarkdownIt } from "markdown-it";
import { generatedIds } from "../content/ids.ts";
import { CALLOUT_LABELS } from "../content/policy-syntax.ts";
import type { RenderEnv } from "./markdown.ts";

/** What a summary says of itself, on screen, in print and to screen readers. */
export const SUMMARY_LABEL = "Summary";
export const SUMMARY_STATUS = "not part of the policy";

/**
 * Callouts (`> [!WARNING]`) and the section's summary (`> [!SUMMARY]`), parsed in
 * src/content/policy-syntax.ts. Both are notes in the ARIA sense (`role="note"`, content
 * ancillary to the main text); each says what it is in words, never by colour alone.
 * The summary is no part of the legal text: search skips it (`data-pagefind-ignore`), its label
 * says so, and the verbatim checks leave it out (`data-non-binding`).
 */
export function useCallouts(md: MarkdownIt): void {
  md.renderer.rules.callout_open = (tokens, idx) => {
    const kind = (tokens[idx].meta as { kind: string }).kind;
    return `<div class="callout callout--${kind}" role="note">\n<p class="callout__label" data-pagefind-ignore>${CALLOUT_LABELS[kind]}</p>\n`;
  };
  md.renderer.rules.callout_close = () => "</div>\n";
  md.renderer.rules.summary_open = (_tokens, _idx, _options, env) => {
    const id = generatedIds.summaryLabel((env as RenderEnv | undefined)?.sectionId ?? "text");
    return `<div class="summary" role="note" aria-labelledby="${id}" data-non-binding data-pagefind-ignore>\n<p class="summary__label" id="${id}"><strong>${SUMMARY_LABEL}</strong> <span class="summary__status">(${SUMMARY_STATUS})</span></p>\n`;
  };
  md.renderer.rules.summary_close = () => "</div>\n";
}
