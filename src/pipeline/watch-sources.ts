import path from "node:path";
import chokidar from "@11ty/chokidar-with-glob-support";
import { projectRoot, type ServeOptions } from "../options.ts";

/** What a rebuild watches: the policy, its history, and the templates and assets the site is made from. */
export function watchedFolders(options: Pick<ServeOptions, "contentDir" | "historyDir">): string[] {
  return [
    options.contentDir,
    options.historyDir,
    ...["pages", "layouts", "assets"].map((d) => path.join(projectRoot, d)),
  ];
}

const inside = (file: string, dir: string): boolean => file === dir || file.startsWith(`${dir}${path.sep}`);

/** Editors' swap, backup and lock files (`.02-cookies.md.swp`, `02-cookies.md~`, `.#02-cookies.md`): never the policy. */
const EDITOR_FILE = /^\.|~$/;

/**
 * Which paths a watch on the folders' parents reports: the folders themselves and what they hold,
 * less editors' own files. Watching the parents is what sees a folder that does not exist yet
 * (`history/` before the first archived version) or one deleted and made again.
 */
export function watchFilter(folders: readonly string[]): { parents: string[]; isWatched: (file: string) => boolean } {
  const parents = [...new Set(folders.map((dir) => path.dirname(dir)))];
  const isWatched = (file: string): boolean =>
    parents.includes(file) ||
    folders.some((dir) => inside(file, dir) && (file === dir || !EDITOR_FILE.test(path.basename(file))));
  return { parents, isWatched };
}

export interface SourceWatcher {
  close(): Promise<void>;
}

/** How long the folders must be still before a change counts; the save-to-served target is 300 ms. */
export const QUIET_MS = 50;

/**
 * Calls `onChange` once the files and folders in `folders` have been still for QUIET_MS after
 * being added, changed or deleted: an editor may write a file in several parts, and a rename, a
 * copied folder or a checkout is several changes, which are built together.
 */
export async function watchSources(folders: readonly string[], onChange: () => void): Promise<SourceWatcher> {
  const { parents, isWatched } = watchFilter(folders);
  const watcher = chokidar.watch(parents, {
    ignoreInitial: true,
    ignored: (file: string) => !isWatched(path.resolve(file)),
  });
  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, QUIET_MS);
  });
  await new Promise<void>((ready) => watcher.once("ready", ready));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
