import { inject } from "vitest";
import { listFiles } from "../../src/lib/files.ts";
import { sitePathOf } from "../../src/lib/urls.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
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
  return listFiles(siteDir)
    .filter((file) => file.endsWith(".html") && !/^(pagefind|assets)\//.test(file))
    .map(sitePathOf)
    .sort();
}

/** Every page of the real site built for this run. */
export const allPages = (): string[] => builtPages(inject("siteDir"));
