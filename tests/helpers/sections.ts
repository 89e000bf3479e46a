import { inject } from "vitest";
import { loadPolicy } from "../../src/policy.ts";
import { siteFiles, urlPathOf } from "../../src/site-files.ts";
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
  return siteFiles(siteDir)
    .filter((file) => file.endsWith(".html") && !/^\/(pagefind|assets)\//.test(file))
    .map(urlPathOf)
    .sort();
}

/** Every page of the real site built for this run. */
export const allPages = (): string[] => builtPages(inject("siteDir"));
