import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes each file beside its place, then renames it into place, so an interrupted command
 * never leaves a half-written file; folders are created as needed.
 */
export function writeFiles(writes: Array<{ file: string; text: string | Uint8Array }>): void {
  for (const { file, text } of writes) {
    mkdirSync(path.dirname(file), { recursive: true });
    const staging = `${file}.writing-${process.pid}`;
    writeFileSync(staging, text);
    renameSync(staging, file);
  }
}
