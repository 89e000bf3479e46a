import { readFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentErrors } from "../../src/lib/problems.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import {
  type BuiltSite,
  buildOptions,
  buildToTemp,
  fixtureContent,
  fixtureHistory,
  hashTree,
  normalizeSpace,
  readSearchFragments,
} from "../helpers/site.ts";

/**
 * tests/fixtures/upcoming-version was made with the npm scripts as an owner makes it: versions of
 * 25 May 2018 and 1 July 2020, then on 15 January 2027 a version announced ahead to take effect
 * on 1 March 2027 (sharing gains a clause, a contact section is added). The same content is built
 * for the day before that date and for the day itself: two correct sites.
 */
const NEW_TEXT = "We give your card details to our payment provider, and to no one else.";
const OLD_SHARING = "If we are sold, your information goes to the buyer, who must keep this policy.";
let before: BuiltSite;
let onTheDay: BuiltSite;

const build = (today: string) =>
  buildToTemp({
    contentDir: fixtureContent("upcoming-version"),
    historyDir: fixtureHistory("upcoming-version"),
    env: { POLICY_TODAY: today },
    purpose: "release",
  });

// One after the other: Pagefind runs one service per process.
beforeAll(async () => {
  before = await build("2027-02-28");
  onTheDay = await build("2027-03-01");
});
afterAll(() => {
  before?.cleanup();
  onTheDay?.cleanup();
});

const text = ($: CheerioAPI, selector = "main"): string => normalizeSpace($(selector).text());
const hrefs = ($: CheerioAPI, selector: string): string[] =>
  $(selector)
    .map((_, a) => $(a).attr("href"))
    .get();

interface Entry {
  id: string;
  title: string;
  published: string;
  updated: string;
  content: { "#text": string };
}
const feed = (site: BuiltSite) => {
  const xml = readFileSync(path.join(site.outDir, "history", "feed.xml"), "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "entry" }).parse(
    xml,
  ).feed as { updated: string; entry: Entry[] };
};

describe("the day before a version announced ahead takes effect", () => {
  it("keeps the version in force on the main pages, and says which version comes when", () => {
    const $ = before.page("/");
    expect($(".page-header .effective time").attr("datetime")).toBe("2020-07-01");
    expect(text($, ".policy")).toContain(OLD_SHARING);
    expect(text($, ".policy")).not.toContain(NEW_TEXT);
    expect(text($, "[data-upcoming-notice]")).toBe(
      "A new version takes effect on 1 March 2027. Payment providers named; a new section on how to reach us. Read the new version · See everything that changes",
    );
    expect(hrefs($, "[data-upcoming-notice] a")).toEqual(["/history/2027-03-01/", "/history/2027-03-01/changes/"]);
  });

  it("tells each section page whether that section changes", () => {
    expect(text(before.page("/sharing/"), "[data-upcoming-notice] p:nth-child(2)")).toBe(
      "This section changes then: see how “Sharing” changes.",
    );
    expect(hrefs(before.page("/sharing/"), "[data-upcoming-notice] p:nth-child(2) a")).toEqual([
      "/history/2027-03-01/changes/#sharing",
    ]);
    expect(text(before.page("/cookies/"), "[data-upcoming-notice] p:nth-child(2)")).toBe(
      "This section stays as it is.",
    );
  });

  it("publishes the new version's text and changes, marked as not in force yet", () => {
    const $ = before.page("/history/2027-03-01/");
    expect(text($, "[data-version-banner]")).toBe(
      "This version is not in force yet. It takes effect on 1 March 2027. Until then, the current policy, effective 1 July 2020, applies.",
    );
    expect(text($, ".policy")).toContain(NEW_TEXT);
    expect($("meta[name=robots]").attr("content")).toBe("noindex");
    const changes = before.page("/history/2027-03-01/changes/");
    expect(text(changes, ".diff-section:has(#contact) .diff-status")).toContain("Section added");
    expect(text(changes, ".diff-section:has(#sharing) .diff-notes")).toBe(
      "What changed and why (a note, not part of the policy): We now say who receives your card details, as readers asked.",
    );
  });

  it("lists it first on /history/ as announced, with the day it was announced", () => {
    const $ = before.page("/history/");
    expect(text($, ".version:first-child h3")).toBe("1 March 2027 (announced, not in force yet)");
    expect(text($, ".version:first-child .version__announced")).toBe(
      "Announced on 15 January 2027; it takes effect on 1 March 2027.",
    );
    expect(text($, ".version:nth-child(2) h3")).toBe("1 July 2020 (current)");
    expect(text($, "h3#contact")).toBe("Contact Us (from 1 March 2027)");
  });

  it("searches and lists for search engines only the pages of the version in force", () => {
    const fragments = readSearchFragments(before.outDir);
    // The section pages in force, and the version they replaced behind "include earlier versions".
    expect(fragments.map((f) => `${f.url} ${f.filters.version}`).sort()).toEqual([
      "/cookies/ current",
      "/history/2018-05-25/ 2018-05-25",
      "/sharing/ current",
      "/what-we-collect/ current",
      "/your-rights/ current",
    ]);
    expect(fragments.map((f) => f.content).join(" ")).not.toContain(NEW_TEXT);
    const sitemap = readFileSync(path.join(before.outDir, "sitemap.xml"), "utf8");
    expect(sitemap).not.toContain("/contact/");
    expect(sitemap).not.toContain("2027-03-01");
  });

  it("announces it in the feed on the day it was announced, not on its effective date", () => {
    const { updated, entry } = feed(before);
    expect(updated).toBe("2027-01-15T00:00:00Z");
    expect([entry[0].title, entry[0].published, entry[0].updated]).toEqual([
      "Announced: a new version takes effect on 1 March 2027",
      "2027-01-15T00:00:00Z",
      "2027-01-15T00:00:00Z",
    ]);
    expect(entry[0].content["#text"]).toContain("until then the version of 1 July 2020 applies");
    expect(entry[0].content["#text"]).toContain("Changed: Sharing. Why: We now say who receives your card details");
    expect(entry[1].title).toBe("Version effective 1 July 2020");
  });
});

describe("the day it takes effect", () => {
  it("shows the new version on the main pages, with no announcement left", () => {
    const $ = onTheDay.page("/");
    expect($(".page-header .effective time").attr("datetime")).toBe("2027-03-01");
    expect(text($, ".policy")).toContain(NEW_TEXT);
    expect($("[data-upcoming-notice]")).toHaveLength(0);
    expect(text(onTheDay.page("/contact/"), "h1")).toBe("5 Contact Us");
    expect(
      readSearchFragments(onTheDay.outDir)
        .map((f) => f.content)
        .join(" "),
    ).toContain(NEW_TEXT);
    expect(text(onTheDay.page("/history/2020-07-01/"), "[data-version-banner]")).toMatch(
      /^This is not the current policy\. This version took effect on 1 July 2020 and was replaced on 1 March 2027\./,
    );
  });

  it("updates the feed entry on its effective date, keeping the day it was announced", () => {
    const { updated, entry } = feed(onTheDay);
    expect(updated).toBe("2027-03-01T00:00:00Z");
    expect([entry[0].title, entry[0].published, entry[0].updated]).toEqual([
      "Version effective 1 March 2027",
      "2027-01-15T00:00:00Z",
      "2027-03-01T00:00:00Z",
    ]);
  });

  it("builds the same bytes on any later day: the build's day never shows, only which version is in force", async () => {
    const later = await build("2031-06-30");
    try {
      expect(hashTree(later.outDir)).toEqual(hashTree(onTheDay.outDir));
    } finally {
      later.cleanup();
    }
  });
});

describe("a day before any version takes effect", () => {
  it("stops the build: there is no version in force to show", async () => {
    const failure = await buildSite(
      buildOptions(
        {
          outDir: path.join(before.outDir, "..", "early"),
          contentDir: fixtureContent("upcoming-version"),
          historyDir: fixtureHistory("upcoming-version"),
        },
        { POLICY_TODAY: "2018-05-24" },
      ),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContentErrors);
    expect((failure as ContentErrors).message).toMatch(
      /site\.json: no version of the policy is in force on 2018-05-24: the first takes effect on 2018-05-25\n {2}→ .*POLICY_TODAY=2018-05-25/,
    );
  });
});
