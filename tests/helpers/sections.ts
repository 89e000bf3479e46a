import { readdirSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { loadPolicy } from "../../src/policy.ts";
import { realContentDir } from "./site.ts";

/** The real policy, as the build reads it: the browser suite's source of ids and titles. */
export const policy = loadPolicy(realContentDir);
export const sectionById = (id: string) => {
  const section = policy.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
};
/** Every HTML page in a built site, as site paths ("/", "/cookies/", "/404.html"), so new pages are covered. */
export function builtPages(siteDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "pagefind" && entry.name !== "assets") walk(full);
      else if (entry.name.endsWith(".html")) pages.push(`/${path.relative(siteDir, full).replace(/index\.html$/, "")}`);
    }
  };
  walk(siteDir);
  return pages.sort();
}

/** Every page of the real site built for this run. */
export const allPages = (): string[] => builtPages(inject("siteDir"));
