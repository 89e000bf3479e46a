import { loadPolicy } from "../../src/policy.ts";
import { realContentDir } from "./site.ts";

/** The real policy, as the build reads it: the browser suite's source of ids and titles. */
export const policy = loadPolicy(realContentDir);
export const sectionById = (id: string) => {
  const section = policy.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
};
/** Every page of the site a reader can open. */
export const allPages = ["/", ...policy.sections.map((s) => s.url), "/search/", "/404.html"];
