import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { load } from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/pipeline/build-site.ts";
import {
  type BuiltSite,
  buildOptions,
  buildToTemp,
  fixtureContent,
  fixtureHistory,
  normalizeSpace,
  readSearchFragments,
} from "../helpers/site.ts";

/**
 * The fixture has three versions: 2016-01-10 (what-we-collect, cookies, sharing), 2018-05-25
 * (a clause heading reworded under the same id, "trusted" added, a your-rights section added)
 * and the current 2020-07-01 (cookies removed, a clause removed, a clause added, one word swapped).
 * It is built under a path prefix and another origin, so every absolute URL is checked for both.
 */
const ORIGIN = "https://policy.example.org";
const PREFIX = "/legal/";
let site: BuiltSite;

beforeAll(async () => {
  site = await buildToTemp({
    contentDir: fixtureContent("revisions"),
    historyDir: fixtureHistory("revisions"),
    env: { SITE_URL: ORIGIN, PATH_PREFIX: PREFIX },
  });
});
afterAll(() => site?.cleanup());

/** Site paths of the links in a part of a page, without the path prefix. */
const hrefs = ($: CheerioAPI, selector: string): string[] =>
  $(selector)
    .map((_, a) => $(a).attr("href")!.replace(PREFIX, "/"))
    .get();

/** The words inside <ins> or <del> in a part of the compare view, without the screen-reader and print cues. */
function marked($: CheerioAPI, scope: string, tag: "ins" | "del"): string[] {
  return $(`${scope} ${tag}`)
    .map((_, el) => {
      const copy = $(el).clone();
      copy.find(".diff-cue").remove();
      return normalizeSpace(copy.text());
    })
    .get();
}

const htmlPages = (): string[] =>
  (readdirSync(site.outDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".html"))
    .map(
      (file) =>
        `/${file
          .replace(/index\.html$/, "")
          .split(path.sep)
          .join("/")}`,
    );

describe("dated versions", () => {
  it("gives every version its own page, and every version but the first a compare view", () => {
    const pages = htmlPages()
      .filter((p) => p.startsWith("/history/"))
      .sort();
    expect(pages).toEqual([
      "/history/",
      "/history/2016-01-10/",
      "/history/2018-05-25/",
      "/history/2018-05-25/changes/",
      "/history/2020-07-01/",
      "/history/2020-07-01/changes/",
      "/history/compare/",
      "/history/compare/2016-01-10...2018-05-25/",
      "/history/compare/2016-01-10...2020-07-01/",
      "/history/compare/2018-05-25...2020-07-01/",
    ]);
  });

  it("shows an archived version's full text with its own clause ids, its date and a banner pointing to the current policy", () => {
    const $ = site.page("/history/2016-01-10/");
    expect(
      $("main [id]")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["contents", "what-we-collect", "information-you-give-us", "cookies", "sharing", "business-transfers"]);
    expect(normalizeSpace($("#information-you-give-us").text())).toBe("1.a Information You Give Us");
    expect(normalizeSpace($("main").text())).toContain("We may share your information with partners.");
    const banner = $("[data-version-banner]");
    expect(normalizeSpace(banner.text())).toBe(
      "This is not the current policy. This version took effect on 10 January 2016 and was replaced on 25 May 2018. Read the current policy, effective 1 July 2020.",
    );
    expect(hrefs($, "[data-version-banner] a")).toEqual(["/"]);
    expect($(".page-header time").attr("datetime")).toBe("2016-01-10");
    expect($(".print-header time").attr("datetime")).toBe("2016-01-10");
  });

  it("keeps archived versions out of search engines, and points the current one's copy at the main page", () => {
    for (const date of ["2016-01-10", "2018-05-25"]) {
      const $ = site.page(`/history/${date}/`);
      expect($("meta[name=robots]").attr("content")).toBe("noindex");
      expect($("link[rel=canonical]").attr("href")).toBe(`${ORIGIN}${PREFIX}history/${date}/`);
    }
    const $ = site.page("/history/2020-07-01/");
    expect($("meta[name=robots]")).toHaveLength(0);
    expect($("link[rel=canonical]").attr("href")).toBe(`${ORIGIN}${PREFIX}`);
    expect(normalizeSpace($("[data-version-banner]").text())).toMatch(
      /^This is the current version of the policy, effective 1 July 2020\./,
    );
  });

  it("gives the current version's dated page the same text and ids as the main page", () => {
    const ids = ($: CheerioAPI) =>
      $("article [id]")
        .map((_, el) => $(el).attr("id"))
        .get();
    // The main page adds per-section print headers and tools that link to the current section pages;
    // each page prints its own address under each heading.
    const text = ($: CheerioAPI) =>
      normalizeSpace(
        $("article .policy-section").find(".print-header, .section-tools, .clause-address").remove().end().text(),
      );
    expect(ids(site.page("/history/2020-07-01/"))).toEqual(ids(site.page("/")));
    expect(text(site.page("/history/2020-07-01/"))).toBe(text(site.page("/")));
  });
});

describe("the compare view", () => {
  it("shows exactly the words that changed when the current version took effect", () => {
    const $ = site.page("/history/2020-07-01/changes/");
    expect(marked($, "#sharing ~ .diff-block", "del")).toEqual([
      "may",
      "Business Transfers",
      "If we are sold, your information goes to the buyer.",
    ]);
    expect(marked($, "#sharing ~ .diff-block", "ins")).toEqual(["only"]);
    expect(marked($, ".diff-section--changed:has(#your-rights)", "ins")).toEqual([
      "Deletion",
      "You may ask us to delete your information.",
    ]);
    expect(marked($, ".diff-section--changed:has(#your-rights)", "del")).toEqual([]);
    expect(marked($, ".diff-section--removed", "del")).toEqual([
      "We use cookies to remember the items in your basket.",
    ]);
    expect(
      $(".diff-section h2")
        .map((_, h) => $(h).attr("id"))
        .get(),
    ).toEqual(["sharing", "your-rights", "cookies"]);
  });

  it("shows a reworded clause heading that keeps its id as one heading with its changed words", () => {
    const $ = site.page("/history/2018-05-25/changes/");
    const heading = $(".diff-section:has(#what-we-collect) h3");
    expect(heading).toHaveLength(1);
    expect(marked($, ".diff-section:has(#what-we-collect) h3", "del")).toEqual(["Give"]);
    expect(marked($, ".diff-section:has(#what-we-collect) h3", "ins")).toEqual(["Provide to"]);
    expect(marked($, ".diff-section:has(#sharing)", "ins")).toEqual(["trusted"]);
    expect($(".diff-section:has(#your-rights) .diff-status").text()).toContain("Section added");
  });

  it("says every change in words as well as marks, for screen readers and paper", () => {
    const $ = site.page("/history/2020-07-01/changes/");
    $("ins, del").each((_, el) => {
      const cues = $(el)
        .children(".diff-cue")
        .map((__, c) => $(c).text())
        .get();
      expect(cues).toEqual(el.tagName === "ins" ? ["[added: ", "]"] : ["[removed: ", "]"]);
    });
    expect($("ins, del").length).toBeGreaterThan(0);
  });

  it("collapses the sections that did not change", () => {
    const $ = site.page("/history/2020-07-01/changes/");
    expect(normalizeSpace($("details.diff-unchanged summary").text())).toBe("1 section unchanged");
    expect(hrefs($, "details.diff-unchanged a")).toEqual(["/history/2020-07-01/#what-we-collect"]);
  });
});

describe("comparing any two versions", () => {
  const TWO_APART = "/history/compare/2016-01-10...2020-07-01/";
  const sections = ($: CheerioAPI) =>
    $(".diff-section")
      .map(
        (_, section) =>
          `${$(section).find("h2").attr("id")}: ${normalizeSpace($(section).find(".diff-status").text())}`,
      )
      .get();

  it("compares versions two apart at a stable address, word by word, with both dates", () => {
    const $ = site.page(TWO_APART);
    expect(normalizeSpace($("h1").text())).toBe("Changes from 10 January 2016 to 1 July 2020");
    expect(normalizeSpace($("[data-version-banner] p").first().text())).toBe(
      "This compares two versions of the policy: the version of 10 January 2016 (replaced) with the version of 1 July 2020 (in force).",
    );
    expect(sections($)).toEqual([
      "what-we-collect: Section changed · Read it in the version of 1 July 2020: What We Collect",
      "sharing: Section changed · Read it in the version of 1 July 2020: Sharing",
      "your-rights: Section added · Read it in the version of 1 July 2020: Your Rights",
      "cookies: Section removed · Read it in the version of 10 January 2016: Cookies",
    ]);
    // Across both versions' changes: the reworded heading, and the two changes to the sentence on sharing.
    expect(marked($, ".diff-section:has(#what-we-collect)", "del")).toEqual(["Give"]);
    expect(marked($, ".diff-section:has(#what-we-collect)", "ins")).toEqual(["Provide to"]);
    expect(marked($, "#sharing ~ .diff-block", "ins")).toEqual(["only", "trusted"]);
    expect(hrefs($, ".diff-section:has(#cookies) .diff-status a")).toEqual(["/history/2016-01-10/#cookies"]);
    expect(hrefs($, ".compare-between a")).toEqual(["/history/2018-05-25/changes/", "/history/2020-07-01/changes/"]);
    expect($("ins .diff-cue").first().text()).toBe("[added: ");
  });

  it("lists the sections that did not change, without repeating them", () => {
    const $ = site.page("/history/compare/2018-05-25...2020-07-01/");
    expect(normalizeSpace($("details.diff-unchanged summary").text())).toBe("1 section unchanged");
    expect(hrefs($, "details.diff-unchanged a")).toEqual(["/history/2020-07-01/#what-we-collect"]);
    expect($(".diff-section:has(#what-we-collect)")).toHaveLength(0);
  });

  it("marks the same words as a version's changes page when the versions are neighbours", () => {
    const marks = ($: CheerioAPI) => normalizeSpace($(".diff-section .diff-block").text());
    expect(marks(site.page("/history/compare/2018-05-25...2020-07-01/"))).toBe(
      marks(site.page("/history/2020-07-01/changes/")),
    );
  });

  it("is reachable from every version page by a form and by plain links", () => {
    for (const [date, others] of [
      ["2016-01-10", ["/history/compare/2016-01-10...2020-07-01/", "/history/compare/2016-01-10...2018-05-25/"]],
      ["2018-05-25", ["/history/compare/2018-05-25...2020-07-01/", "/history/compare/2016-01-10...2018-05-25/"]],
      ["2020-07-01", ["/history/compare/2018-05-25...2020-07-01/", "/history/compare/2016-01-10...2020-07-01/"]],
    ] as const) {
      const $ = site.page(`/history/${date}/`);
      expect(hrefs($, ".compare-versions__links a"), date).toEqual(others);
      const form = $("form[data-compare-form]");
      expect(form.attr("action")).toBe(`${PREFIX}history/compare/`);
      expect(form.find("select[name=from] option, select[name=to] option").length).toBe(6);
    }
    const index = site.page("/history/compare/");
    expect(hrefs(index, ".compare-index__pairs a")).toEqual([
      "/history/compare/2016-01-10...2018-05-25/",
      "/history/compare/2016-01-10...2020-07-01/",
      "/history/compare/2018-05-25...2020-07-01/",
    ]);
  });
});

describe("notes on what changed", () => {
  it("show on the changes page beside the section they explain, marked as no part of the policy", () => {
    const $ = site.page("/history/2020-07-01/changes/");
    expect(normalizeSpace($(".diff-section:has(#cookies) .diff-notes").text())).toBe(
      "What changed and why (a note, not part of the policy): The shop no longer uses cookies, so there is nothing left to say about them.",
    );
    expect($(".diff-section:has(#your-rights) .diff-notes")).toHaveLength(0);
  });

  it("show on a compare view with the date of each version that made the change", () => {
    const $ = site.page("/history/compare/2016-01-10...2020-07-01/");
    expect(
      $(".diff-section:has(#sharing) .diff-notes li")
        .map((_, li) => normalizeSpace($(li).text()))
        .get(),
    ).toEqual([
      "25 May 2018: We now share only with partners we have checked, as the new data protection law asks.",
      "1 July 2020: We no longer plan to sell the business, and say so.",
    ]);
  });

  it("are in the feed entry of their version", () => {
    const entry = readFileSync(path.join(site.outDir, "history", "feed.xml"), "utf8");
    expect(entry).toContain("Removed: Cookies. Why: The shop no longer uses cookies");
  });
});

describe("the history page", () => {
  it("lists every version newest first with its date, summary and the sections it changed", () => {
    const $ = site.page("/history/");
    expect(
      $(".version h3")
        .map((_, h) => `${$(h).attr("id")} ${$(h).text()}`)
        .get(),
    ).toEqual([
      "version-2020-07-01 1 July 2020 (current)",
      "version-2018-05-25 25 May 2018",
      "version-2016-01-10 10 January 2016",
    ]);
    expect(
      $(".version .version-summary")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([
      "No more cookies; sharing only with trusted partners; a right to deletion.",
      "Sharing limited to trusted partners; a new section on your rights.",
      "The first published version.",
    ]);
    expect(
      $(".version")
        .first()
        .find(".version__changes li")
        .map((_, li) => normalizeSpace($(li).text()))
        .get(),
    ).toEqual(["Removed: Cookies", "Changed: Sharing, Your Rights"]);
    expect(hrefs($, ".version:first-child a:not(.permalink)")).toEqual([
      "/history/2020-07-01/changes/#cookies",
      "/history/2020-07-01/changes/#sharing",
      "/history/2020-07-01/changes/#your-rights",
      "/history/2020-07-01/",
      "/history/2020-07-01/changes/",
    ]);
  });

  it("keeps each section's history, linked from that section's page", () => {
    const $ = site.page("/history/");
    expect(normalizeSpace($("#sharing").parent().next(".section-history").text())).toBe(
      "1 July 2020: changed, see the changes of 1 July 2020 Why: We no longer plan to sell the business, and say so. 25 May 2018: changed, see the changes of 25 May 2018 Why: We now share only with partners we have checked, as the new data protection law asks. 10 January 2016: first version, read it as of 10 January 2016",
    );
    expect($("#cookies").text()).toBe("Cookies (removed)");
    expect(hrefs(site.page("/sharing/"), ".page-header a")).toEqual(["/history/#sharing"]);
  });
});

describe("effective dates", () => {
  it("are on every page that shows a version", () => {
    const expected: Record<string, string> = {
      "/": "2020-07-01",
      "/sharing/": "2020-07-01",
      "/history/": "2020-07-01",
      "/history/2016-01-10/": "2016-01-10",
      "/history/2018-05-25/": "2018-05-25",
      "/history/2018-05-25/changes/": "2018-05-25",
      "/history/2020-07-01/": "2020-07-01",
    };
    for (const [sitePath, date] of Object.entries(expected)) {
      expect(site.page(sitePath)(".page-header .effective time").first().attr("datetime"), sitePath).toBe(date);
    }
  });
});

describe("the Atom feed", () => {
  const feedUrl = `${ORIGIN}${PREFIX}history/feed.xml`;
  const xml = () => readFileSync(path.join(site.outDir, "history", "feed.xml"), "utf8");
  const parse = () =>
    new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => ["entry", "link"].includes(name),
    }).parse(xml()) as {
      feed: Record<string, unknown> & { entry: Array<Record<string, unknown>> };
    };
  type Link = { href: string; rel?: string; type?: string };

  it("is well-formed XML in the Atom namespace with the elements Atom requires", () => {
    expect(XMLValidator.validate(xml())).toBe(true);
    const { feed } = parse();
    expect(feed.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${ORIGIN}${PREFIX}history/`);
    expect(feed.title).toBe("Changes to the audioMIDI.com Privacy Policy");
    expect(feed.updated).toBe("2020-07-01T00:00:00Z");
    expect((feed.author as { name: string }).name).toBe("audioMIDI.com");
    expect((feed.link as Link[]).find((l) => l.rel === "self")?.href).toBe(feedUrl);
  });

  it("has one entry per version, newest first, dated by effective dates, with absolute links", () => {
    const { feed } = parse();
    expect(feed.entry.map((e) => [e.id, e.updated, e.title, e.summary])).toEqual([
      [
        `${ORIGIN}${PREFIX}history/2020-07-01/`,
        "2020-07-01T00:00:00Z",
        "Version effective 1 July 2020",
        "No more cookies; sharing only with trusted partners; a right to deletion.",
      ],
      [
        `${ORIGIN}${PREFIX}history/2018-05-25/`,
        "2018-05-25T00:00:00Z",
        "Version effective 25 May 2018",
        "Sharing limited to trusted partners; a new section on your rights.",
      ],
      [
        `${ORIGIN}${PREFIX}history/2016-01-10/`,
        "2016-01-10T00:00:00Z",
        "Version effective 10 January 2016",
        "The first published version.",
      ],
    ]);
    expect(feed.entry.map((e) => (e.link as Link[])[0].href)).toEqual([
      `${ORIGIN}${PREFIX}history/2020-07-01/changes/`,
      `${ORIGIN}${PREFIX}history/2018-05-25/changes/`,
      `${ORIGIN}${PREFIX}history/2016-01-10/`,
    ]);
    for (const entry of feed.entry) {
      const content = entry.content as { "#text": string; type: string };
      expect(content.type).toBe("html");
      const links = load(content["#text"])("a")
        .map((_, a) => load(content["#text"])(a).attr("href"))
        .get();
      expect(links.length).toBeGreaterThan(0);
      expect(links.filter((href) => !href.startsWith(`${ORIGIN}${PREFIX}history/`))).toEqual([]);
    }
  });

  it("is linked from the head of every page and from the history page", () => {
    for (const sitePath of htmlPages()) {
      const $ = site.page(sitePath);
      expect($("head link[rel=alternate][type='application/atom+xml']").attr("href"), sitePath).toBe(
        `${PREFIX}history/feed.xml`,
      );
    }
    expect(hrefs(site.page("/history/"), "main .feed-link a")).toEqual(["/history/feed.xml"]);
  });
});

describe("search", () => {
  const fragments = () => readSearchFragments(site.outDir);
  // Pagefind keeps site paths; the search page adds the path prefix (its baseUrl option).
  const byUrl = (url: string) => fragments().find((f) => f.url === url)!;

  it("indexes the current section pages, and each archived version whole, but never the current dated copy or a compare view", () => {
    expect(
      fragments()
        .map((f) => f.url.replace(PREFIX, "/"))
        .sort(),
    ).toEqual(["/history/2016-01-10/", "/history/2018-05-25/", "/sharing/", "/what-we-collect/", "/your-rights/"]);
  });

  it("keeps archived versions behind the version filter, the current pages under 'current'", () => {
    expect(byUrl("/sharing/").filters).toEqual({ version: ["current"] });
    expect(byUrl("/history/2016-01-10/").filters).toEqual({ version: ["2016-01-10"] });
    const current = fragments()
      .filter((f) => f.filters.version[0] === "current")
      .map((f) => f.content)
      .join(" ");
    expect(current).toContain("We share your information only with trusted partners.");
    expect(current).not.toContain("If we are sold");
    expect(current).not.toContain("cookies");
  });

  it("gives an archived version's sections and clauses as sub-results, numbered as that version numbered them", () => {
    const archived = byUrl("/history/2018-05-25/");
    expect(archived.anchors.map((a) => [a.element, a.id, a.title])).toEqual([
      ["h2", "what-we-collect", "1"],
      ["h3", "information-you-give-us", "1.a"],
      ["h2", "cookies", "2"],
      ["h2", "sharing", "3"],
      ["h3", "business-transfers", "3.a"],
      ["h2", "your-rights", "4"],
    ]);
    // No title of its own (the search page names the version) and none of the page's header or contents.
    expect(archived.meta.title).toBe("");
    expect(archived.content).not.toMatch(/audioMIDIcom|Contents|Version history|Effective/);
    expect(archived.content).toContain("If we are sold, your information goes to the buyer.");
  });
});

describe("a mistake in the history", () => {
  it("stops the build, naming the file, and leaves the previous site as it was", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "policy-history-"));
    const outDir = path.join(root, "site");
    const historyDir = path.join(root, "history");
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, "index.html"), "last good site");
    cpSync(fixtureHistory("revisions"), historyDir, { recursive: true });
    writeFileSync(path.join(historyDir, "2018-05-25", "version.json"), '{ "effectiveDate": "2018-05-25" }');
    try {
      await expect(
        buildSite(buildOptions({ outDir, contentDir: fixtureContent("revisions"), historyDir })),
      ).rejects.toThrow(/2018-05-25\/version\.json: invalid version data:\n {2}- `summary`/);
      expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe("last good site");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
