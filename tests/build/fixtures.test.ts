import { afterAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildToTemp, fixtureContent, normalizeSpace } from "../helpers/site.ts";

const built: BuiltSite[] = [];
afterAll(() => {
  for (const site of built) site.cleanup();
});

describe("building fixtures", () => {
  it("keeps template syntax in a section literal on every page", async () => {
    const site = await buildToTemp({ contentDir: fixtureContent("template-syntax-stays-literal") });
    built.push(site);
    for (const sitePath of ["/", "/templates/"]) {
      const $ = site.page(sitePath);
      const text = normalizeSpace($("main").text());
      expect(text).toContain(
        'We never evaluate {{ site.policyName }} or {% include "base.njk" %} or {# a comment #} in legal text.',
      );
      expect(text).toContain("Braces {{ stay }} literal");
      expect(text).toContain("Text with <b>tags</b> stays text.");
      expect($("main b")).toHaveLength(0);
    }
  });
});
