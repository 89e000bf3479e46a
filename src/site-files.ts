import { readdirSync } from "node:fs";
import path from "node:path";

/** Every file of a built site, by its path inside the site folder ("/cookies/index.html"), sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}

/** The path a host serves a file at, below the site's root: "/cookies/index.html" → "/cookies/". */
export function urlPathOf(file: string): string {
  return file.replace(/(^|\/)index\.html$/, "$1");
}
