import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { compactReaderWords, READER_WORDS_MARK } from "../../src/render/reader-words.ts";
import { stopWordsFor } from "../../src/search/stop-words.ts";
import type { Vocabulary } from "../../src/search/vocabulary.ts";
import { legalText } from "../helpers/legal-text.ts";
import { CLAUSE_LABELS, policySourcePath, readPolicySource } from "../helpers/policy-source.ts";
import {
  type BuiltSite,
  buildToTemp,
  normalizeSpace,
  pageFile,
  readSearchFragments,
  realContentDir,
} from "../helpers/site.ts";

const policy = loadPolicy(realContentDir);
const sectionPaths = policy.sections.map((s) => s.url);
/** The real site has one version: its history page and its own dated page. */
const historyPaths = ["/history/", "/history/2014-04-08/"];
const source = readPolicySource();
let site: BuiltSite;

beforeAll(async () => {
  site = await buildToTemp();
});
afterAll(() => site?.cleanup());

/** The policy's words in main: permalinks, print headers, clause numbers, summaries and note links removed. */
const readingText = legalText;

describe("the built site", () => {
  it("has seven sections, in the source's order", () => {
    expect(policy.sections.map((s) => s.title)).toEqual([
      "What Personal Information About Customers Do We Gather?",
      "What About Cookies?",
      "Do We Share the Information We Receive?",
      "How Secure Is Information About Me?",
      "Which Information Can I Access?",
      "What Choices Do I Have?",
      "Terms of Use, Notices, and Revisions",
    ]);
  });

  it.each(["/", "/search/", "/404.html", ...sectionPaths, ...historyPaths])("has the page %s", (sitePath) => {
    const $ = site.page(sitePath);
    expect($("h1")).toHaveLength(1);
    expect($("html").attr("lang")).toBe("en");
    expect($("title").text()).toContain("audioMIDI.com Privacy Policy");
    expect($("a.skip-link[href='#main']")).toHaveLength(1);
    expect($("main#main")).toHaveLength(1);
    // One search form on every page: the header's, or on the search page its own.
    expect($("form[role=search] input[name=q]")).toHaveLength(1);
    expect($("header form[role=search]")).toHaveLength(sitePath === "/search/" ? 0 : 1);
  });

  it("links its favicon and stylesheet to files that exist", () => {
    const $ = site.page("/");
    for (const href of [$("link[rel=icon]").attr("href"), $("link[rel=stylesheet]").attr("href")]) {
      expect(href).toMatch(/^\/assets\/[a-z-]+\.[0-9a-f]{8}\.(svg|css)$/);
      expect(existsSync(path.join(site.outDir, href!))).toBe(true);
    }
  });

  it("shows the provenance on every page: note, archive date and snapshot link", () => {
    for (const sitePath of ["/", ...sectionPaths, ...historyPaths]) {
      const $ = site.page(sitePath);
      const footer = normalizeSpace($("footer").text());
      expect(footer).toContain(
        "The following text is extracted and transformed from the audiomidi.com privacy policy that was archived on 2014-04-08.",
      );
      expect(
        $(`footer a[href="https://web.archive.org/web/20140408052527id_/http%3A//www.audiomidi.com/info/privacy"]`)
          .length,
      ).toBeGreaterThan(0);
    }
  });
});

describe("the whole-policy page", () => {
  it("has the title, effective date and every section in order", () => {
    const $ = site.page("/");
    expect(normalizeSpace($("h1").text())).toBe(source.title);
    expect($("main time[datetime='2014-04-08']").first().text()).toBe("8 April 2014");
    expect(
      $("main h2[id]")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["contents", ...policy.sections.map((s) => s.id)]);
  });

  it("lists every section and clause in its table of contents", () => {
    const $ = site.page("/");
    const tocTargets = $("nav.toc li > a")
      .map((_, a) => $(a).attr("href"))
      .get();
    const expected = policy.sections.flatMap((s) => [`#${s.id}`, ...s.clauses.map((c) => `#${c.id}`)]);
    expect(tocTargets).toEqual(expected);
    expect(
      $("nav.toc li > a")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(
      policy.sections.flatMap((s) => [`${s.position} ${s.title}`, ...s.clauses.map((c) => `${c.number} ${c.text}`)]),
    );
  });

  it("numbers each heading as the contents numbers it, apart from the heading's words", () => {
    const $ = site.page("/");
    const numberOf = (id: string) => $(`[id="${id}"] > .clause-number`).text();
    const tocNumbers = $("nav.toc li > a")
      .map((_, a) => [[$(a).attr("href")!.slice(1), $(a).find(".clause-number").text()]])
      .get() as unknown as Array<[string, string]>;
    expect(tocNumbers.map(([id]) => numberOf(id))).toEqual(tocNumbers.map(([, number]) => number));
    expect(tocNumbers.slice(0, 4).map(([, number]) => number)).toEqual(["1", "1.a", "1.b", "2"]);
    // Marked so search leaves them out of its excerpts, which quote only the policy.
    expect($("main h3 > .clause-number").attr("data-pagefind-ignore")).toBe("");
  });

  it("contains every sentence of the archived policy, word for word", () => {
    const text = readingText(site.page("/"));
    const missing = source.sentences.filter((sentence) => !text.includes(sentence));
    expect(source.sentences.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it("turns every labelled clause into its own heading", () => {
    const $ = site.page("/");
    const headings = $("main h3")
      .map((_, h) => $(h).contents().not(".clause-number").text().trim())
      .get();
    expect(source.labels).toEqual(CLAUSE_LABELS);
    expect(headings).toEqual(CLAUSE_LABELS);
  });

  it("offers a print control for each section that falls back to the section's page", () => {
    const $ = site.page("/");
    const controls = $("a[data-print-section]");
    expect(controls.map((_, a) => $(a).attr("href")).get()).toEqual(sectionPaths);
    expect(controls.first().text()).toContain("Print this section");
  });
});

describe("section pages", () => {
  it.each(policy.sections.map((s) => [s.url, s] as const))(
    "%s has its title, clauses and a way around",
    (sitePath, section) => {
      const $ = site.page(sitePath);
      expect($("h1").text()).toBe(`${section.position} ${section.title}`);
      expect(
        $("article h2[id] > .clause-number")
          .map((_, n) => $(n).text())
          .get(),
      ).toEqual(section.clauses.map((c) => c.number));
      expect(
        $("nav.toc--section li > a")
          .map((_, a) => $(a).text())
          .get(),
      ).toEqual(section.clauses.map((c) => `${c.number} ${c.text}`));
      expect($("main a[href='/']").length).toBeGreaterThan(0);
      expect($("a[rel=prev]").attr("href")).toBe(section.previous?.url);
      expect($("a[rel=next]").attr("href")).toBe(section.next?.url);
      expect(
        $("article h2[id]")
          .map((_, h) => $(h).attr("id"))
          .get(),
      ).toEqual(section.clauses.length ? ["in-this-section", ...section.clauses.map((c) => c.id)] : []);
      expect($(".print-header").text()).toContain(`https://privacy.audiomidi.com${sitePath}`);
    },
  );

  it("together contain every sentence of the archived policy", () => {
    const text = sectionPaths.map((p) => readingText(site.page(p))).join(" ");
    expect(source.sentences.filter((sentence) => !text.includes(sentence))).toEqual([]);
  });

  it("load no stylesheet for rich text, which their text does not use, so the first render stays small", () => {
    for (const sitePath of ["/", ...sectionPaths]) {
      const $ = site.page(sitePath);
      expect(
        $("link[rel=stylesheet]:not([media=print])")
          .map((_, l) => $(l).attr("href"))
          .get(),
        sitePath,
      ).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{8}\.css$/)]);
    }
  });

  it("load no search code on the reading path", () => {
    for (const sitePath of ["/", ...sectionPaths]) {
      const scripts = site
        .page(sitePath)("script")
        .map((_, s) => site.page(sitePath)(s).attr("src"))
        .get();
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^\/assets\/site\.[0-9a-f]{8}\.js$/);
    }
  });
});

describe("the version history", () => {
  it("publishes the one version at its dated URL, word for word, as the current version", () => {
    const $ = site.page("/history/2014-04-08/");
    expect(normalizeSpace($("[data-version-banner]").text())).toMatch(
      /^This is the current version of the policy, effective 8 April 2014\./,
    );
    expect($("link[rel=canonical]").attr("href")).toBe("https://privacy.audiomidi.com/");
    expect($("[data-pagefind-body]")).toHaveLength(0);
    const text = readingText($);
    expect(source.sentences.filter((sentence) => !text.includes(sentence))).toEqual([]);
  });

  it("keeps the clause ids of the main page on the dated page, so a clause link works on both", () => {
    const ids = ($: CheerioAPI) =>
      $("article .policy-section [id]")
        .map((_, el) => $(el).attr("id"))
        .get();
    expect(ids(site.page("/history/2014-04-08/"))).toEqual(ids(site.page("/")));
  });

  it("lists the one version on /history/ and links each section page to its history", () => {
    const $ = site.page("/history/");
    expect(
      $(".version h3")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["8 April 2014 (current)"]);
    expect($(".version .version-summary").text()).toBe(
      "The policy as archived on 8 April 2014, the first version on this site.",
    );
    for (const section of policy.sections) {
      expect(site.page(section.url)(`.page-header a[href="/history/#${section.id}"]`), section.url).toHaveLength(1);
      expect($(`h3#${section.id}`).text()).toBe(section.title);
    }
  });

  it("offers a feed with one entry, linked from every page's head", () => {
    const feed = readFileSync(path.join(site.outDir, "history", "feed.xml"), "utf8");
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain("<id>https://privacy.audiomidi.com/history/2014-04-08/</id>");
    for (const sitePath of ["/", "/search/", "/404.html", ...sectionPaths, ...historyPaths]) {
      expect(site.page(sitePath)("link[rel=alternate][type='application/atom+xml']").attr("href"), sitePath).toBe(
        "/history/feed.xml",
      );
    }
  });
});

describe("links and permalinks", () => {
  it.each(["/", "/search/", "/404.html", ...sectionPaths, ...historyPaths])(
    "every in-page link on %s lands on an id",
    (sitePath) => {
      const $ = site.page(sitePath);
      const hrefs = $("a[href^='#']")
        .map((_, a) => $(a).attr("href")!.slice(1))
        .get();
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((id) => $(`[id="${id}"]`).length !== 1)).toEqual([]);
    },
  );

  it.each(["/", ...sectionPaths, ...historyPaths])("every h2 and h3 on %s has an id and a permalink", (sitePath) => {
    const $ = site.page(sitePath);
    $("h2, h3").each((_, heading) => {
      const id = $(heading).attr("id");
      const text = $(heading).contents().not(".clause-number").text().trim();
      expect(id, text).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const link = $(heading).next("a.permalink");
      expect(link.attr("href")).toBe(`#${id}`);
      expect(link.find(".visually-hidden").text()).toBe(`Permalink to “${text}”`);
      expect(link.find("[aria-hidden=true]").text()).toBe("#");
      expect(link.attr("data-pagefind-ignore")).toBeDefined();
    });
  });

  it.each(["/", ...sectionPaths, ...historyPaths])("ids on %s are unique", (sitePath) => {
    const $ = site.page(sitePath);
    const ids = $("[id]")
      .map((_, el) => $(el).attr("id"))
      .get();
    expect(ids.length).toBe(new Set(ids).size);
  });

  it("links between pages only to pages that exist", () => {
    for (const sitePath of ["/", "/search/", "/404.html", ...sectionPaths, ...historyPaths]) {
      const $ = site.page(sitePath);
      $("a[href^='/']").each((_, a) => {
        const href = $(a).attr("href")!;
        expect(existsSync(pageFile(site.outDir, href)), `${sitePath} → ${href}`).toBe(true);
      });
    }
  });
});

describe("the search page and the search index", () => {
  it("works without JavaScript by pointing to the table of contents", () => {
    const $ = site.page("/search/");
    const fallback = $("[data-search-unavailable]");
    expect(fallback.attr("hidden")).toBeUndefined();
    expect(fallback.text()).toContain("Search needs JavaScript");
    expect(fallback.find("a[href='/#contents']")).toHaveLength(1);
    expect($("[data-search-results]").attr("hidden")).toBeDefined();
  });

  it("has a real search form in its HTML, and none of Pagefind's UI", () => {
    const $ = site.page("/search/");
    const form = $("main form[role=search]");
    expect([form.attr("action"), form.attr("method")]).toEqual(["/search/", "get"]);
    const input = form.find("input#search-input");
    expect([input.attr("type"), input.attr("name")]).toEqual(["search", "q"]);
    expect(form.find("label[for=search-input]").text().trim()).not.toBe("");
    expect(form.find("button[type=submit]")).toHaveLength(1);
    expect($("[role=status]")).toHaveLength(1);
    expect($.html()).not.toMatch(/<pagefind-|pagefind-(component-)?ui/);
  });

  it("indexes every section page once and nothing else", () => {
    const urls = readSearchFragments(site.outDir)
      .map((f) => f.url)
      .sort();
    expect(urls).toEqual([...sectionPaths].sort());
  });

  it("indexes every clause as a sub-result of its section", () => {
    const fragments = readSearchFragments(site.outDir);
    for (const section of policy.sections) {
      const fragment = fragments.find((f) => f.url === section.url)!;
      expect(fragment.meta.title).toBe(section.title);
      expect(fragment.anchors.map((a) => a.id)).toEqual(section.clauses.map((c) => c.id));
      expect(fragment.content).not.toContain("Permalink to");
    }
  });
});

describe("reader words from front matter", () => {
  const fragmentOf = (url: string) => readSearchFragments(site.outDir).find((f) => f.url === url)!;
  const between = (words: readonly string[]) =>
    `${READER_WORDS_MARK} ${compactReaderWords(words, new Set(stopWordsFor("en")))} ${READER_WORDS_MARK}`;

  it("are indexed with their section, between the marks the search page leaves out of excerpts", () => {
    const cookies = policy.sections.find((s) => s.id === "cookies")!;
    expect(cookies.searchTerms).toContain("turn off cookies");
    expect(fragmentOf("/cookies/").content).toContain(between(cookies.searchTerms!));
    expect(fragmentOf("/cookies/").content).not.toMatch(/related|searches/i);
  });

  it("are indexed with their clause, after its text and before the next clause's heading", () => {
    const sharing = policy.sections.find((s) => s.id === "sharing")!;
    const fragment = fragmentOf("/sharing/");
    const words = fragment.content.split(/\s+/);
    for (const [clauseId, list] of Object.entries(sharing.clauseSearchTerms ?? {})) {
      const anchors = fragment.anchors;
      const at = anchors.findIndex((a) => a.id === clauseId);
      const start = words.findIndex((_, i) => i > anchors[at].location && words[i] === READER_WORDS_MARK);
      expect(start, clauseId).toBeGreaterThan(anchors[at].location);
      expect(start, clauseId).toBeLessThan(anchors[at + 1]?.location ?? words.length);
      expect(fragment.content).toContain(between(list));
    }
    expect(Object.keys(sharing.clauseSearchTerms ?? {})).toContain("business-transfers");
  });

  it("are never on the pages readers get, not even hidden: only an empty marker where they belong", () => {
    for (const sitePath of ["/", ...sectionPaths, ...historyPaths]) {
      const html = readFileSync(pageFile(site.outDir, sitePath), "utf8");
      expect(html, sitePath).not.toContain("data-pagefind-index-attrs");
      expect(html, sitePath).not.toContain(READER_WORDS_MARK);
    }
    const $ = site.page("/sharing/");
    expect(
      $("[data-reader-words]")
        .map((_, el) => $(el).attr("data-reader-words"))
        .get(),
    ).toEqual(["", ...policy.sections[2].clauses.map((c) => c.id)]);
    expect($("[data-reader-words]").text()).toBe("");
    expect(readingText(site.page("/sharing/"))).not.toContain("merger");
  });
});

describe("what search results show", () => {
  it("numbers each section and its clauses as the contents does, without adding the numbers to the words searched", () => {
    const fragments = readSearchFragments(site.outDir);
    for (const section of policy.sections) {
      const { meta, anchors } = fragments.find((f) => f.url === section.url)!;
      expect(meta.number).toBe(String(section.position));
      expect(anchors.map((a) => [a.id, a.title])).toEqual(section.clauses.map((c) => [c.id, c.number]));
      expect(site.page(section.url)("[data-pagefind-title]")).toHaveLength(0);
    }
    expect(policy.sections[2].clauses.map((c) => c.number)).toEqual(["3.a", "3.b", "3.c", "3.d", "3.e"]);
  });

  it("marks every section page as the current version, for the version filter", () => {
    for (const fragment of readSearchFragments(site.outDir)) expect(fragment.filters).toEqual({ version: ["current"] });
  });

  it("comes with the words the search page suggests from: the policy's, without stop words", () => {
    const vocabulary = JSON.parse(
      readFileSync(path.join(site.outDir, "pagefind", "vocabulary.json"), "utf8"),
    ) as Vocabulary;
    expect(vocabulary.pages).toBe(policy.sections.length);
    expect(vocabulary.words).toMatchObject({ cookies: 3, password: 1, merger: 1 });
    expect(vocabulary.words).not.toHaveProperty("the");
    expect(vocabulary.stopWords).toContain("the");
    expect(readFileSync(path.join(site.outDir, "pagefind", "vocabulary.json")).length).toBeLessThan(12 * 1024);
  });
});

describe("the search page when nothing is found", () => {
  it("has every section ready to list, with links, and no versions box for a policy without history", () => {
    const $ = site.page("/search/");
    const nothing = $("[data-search-nothing]");
    expect(nothing.attr("hidden")).toBeDefined();
    expect(
      nothing
        .find("ol a")
        .map((_, a) => [[$(a).attr("href"), $(a).text()]])
        .get(),
    ).toEqual(policy.sections.map((s) => [s.url, s.title]));
    expect($("[data-search-versions]")).toHaveLength(0);
  });
});

describe("the policy source kept for tests", () => {
  it("matches the shared archive, where one is beside the project", () => {
    const shared = path.join(projectRoot, "..", "shared", "policy-source.md");
    if (!existsSync(shared)) return expect(readFileSync(policySourcePath, "utf8")).toContain("audioMIDIcom");
    expect(readFileSync(policySourcePath, "utf8")).toBe(readFileSync(shared, "utf8"));
  });
});
