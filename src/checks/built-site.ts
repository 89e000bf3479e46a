import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One file of the built site, named by its path inside the output folder ("/cookies/index.html"). */
export interface BuiltFile {
  file: string;
  text: string;
}

/** What the post-build checks look at: every file name, and the text of each page and stylesheet. */
export interface BuiltSite {
  files: ReadonlySet<string>;
  pages: BuiltFile[];
  stylesheets: BuiltFile[];
}

/** Reads a built site folder; files are sorted so reports come out in the same order every time. */
export function readBuiltSite(dir: string): BuiltSite {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
  const read = (file: string): BuiltFile => ({ file, text: readFileSync(path.join(dir, file), "utf8") });
  return {
    files: new Set(files),
    pages: files.filter((f) => f.endsWith(".html")).map(read),
    stylesheets: files.filter((f) => f.endsWith(".css")).map(read),
  };
}

/** "/404.html" is the only page a host serves at addresses other than its own. */
export const NOT_FOUND_PAGE = "/404.html";
