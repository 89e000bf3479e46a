import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Loader, Plugin } from "esbuild";

const digest = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

/** How esbuild reads a file it was handed the bytes of: by its extension, as it would have itself. */
export function loaderFor(file: string): Loader {
  const ext = path.extname(file).toLowerCase();
  if ([".ts", ".mts", ".cts"].includes(ext)) return "ts";
  if (ext === ".tsx" || ext === ".jsx") return ext.slice(1) as Loader;
  if (ext === ".json" || ext === ".css") return ext.slice(1) as Loader;
  return "js";
}

/** The names of the files at the top of a folder, sorted; the assets are those files. */
function fileNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Every file the assets were made from, with the digest of the very bytes read, and the folders
 * listed, with the names they held: a script's bundle reads modules from the assets folder and
 * from `src/` (the compare view's diff), so these are only known once it is made. `unchanged()`
 * says whether making the assets again would read the same bytes, which is how `npm start` knows
 * it may keep the ones it has. A file changed after it was read differs next time, so the check
 * never keeps assets older than their files.
 */
export class AssetSources {
  readonly #files = new Map<string, string>();
  readonly #folders = new Map<string, string>();

  /** A file's bytes, recorded. */
  read(file: string): Buffer {
    const bytes = readFileSync(file);
    this.#files.set(file, digest(bytes));
    return bytes;
  }

  /** The files at the top of a folder, recorded. */
  list(dir: string): string[] {
    const names = fileNames(dir);
    this.#folders.set(dir, digest(names.join("\0")));
    return names;
  }

  /** An esbuild plugin that reads every file a bundle is made from through `read`. https://esbuild.github.io/plugins/#on-load */
  plugin(): Plugin {
    return {
      name: "asset-sources",
      setup: (bundle) => {
        bundle.onLoad({ filter: /.*/ }, (args) => ({ contents: this.read(args.path), loader: loaderFor(args.path) }));
      },
    };
  }

  /** The files read, for a message or a test. */
  files(): string[] {
    return [...this.#files.keys()].sort();
  }

  /** Whether every file read still holds the same bytes and every folder listed the same files. */
  unchanged(): boolean {
    for (const [file, was] of this.#files) {
      if (!existsSync(file) || digest(readFileSync(file)) !== was) return false;
    }
    for (const [dir, was] of this.#folders) {
      if (!existsSync(dir) || digest(fileNames(dir).join("\0")) !== was) return false;
    }
    return true;
  }
}
