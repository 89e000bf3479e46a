import { ContentError } from "../lib/problems.ts";
import { CONTROL_CHARACTER } from "./yaml-text.ts";

/** Decodes bytes as UTF-8, refusing anything else; a BOM and CRLF line endings are accepted. */
export function decodeText(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError(
      file,
      "the file is not valid UTF-8",
      "Save it as UTF-8 (most editors offer this under “Save with encoding”); check the characters on this line.",
      firstInvalidLine(bytes),
    );
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** The 1-based line holding the first byte that is not UTF-8. A newline byte never occurs inside a UTF-8 sequence, so lines can be checked one by one. */
export function firstInvalidLine(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}

/** An invisible control character in the text: markdown-it would turn some into “�” and keep others unseen. */
export function controlCharacterProblem(file: string, text: string, firstLine = 1): ContentError | undefined {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return undefined;
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return new ContentError(
    file,
    `the file contains an invisible control character (${code})`,
    "Delete it: it cannot be shown or printed, and may change how the text around it reads. Text pasted from another program often brings one along.",
    firstLine - 1 + text.slice(0, found.index).split("\n").length,
  );
}
