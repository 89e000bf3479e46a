import { byCodeUnit } from "./files.ts";
import { type ContentError, formatContentError } from "./problems.ts";

/**
 * What a build tells the author without stopping: a draft it skipped, or something a release
 * build would refuse. Printed before the build's last line, in the `file:line: problem → fix` shape.
 */
export interface ContentNotice {
  file: string;
  line?: number;
  kind: "skipped" | "warning";
  message: string;
  hint: string;
}

/** A problem that this kind of build reports without stopping. */
export function warningOf(error: ContentError): ContentNotice {
  return { file: error.file, line: error.line, kind: "warning", message: error.problem, hint: error.hint };
}

/** Notices in file order, each as printed: `Warning: file:line: problem` then `→ fix`. */
export function formatNotices(notices: readonly ContentNotice[]): string[] {
  return [...notices]
    .sort((a, b) => byCodeUnit(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0))
    .map((n) => `${n.kind === "warning" ? "Warning: " : ""}${formatContentError(n.file, n.message, n.hint, n.line)}`);
}
