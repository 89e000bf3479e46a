import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanPage } from "../../src/checks/page-scan.ts";
import { listFiles } from "../../src/lib/files.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { legalBlocks, legalText, summaryBlocks } from "../helpers/legal-text.ts";
import { parserScan } from "../helpers/parser-scan.ts";
import { type BuiltSite, buildToTemp, fixturesDir, normalizeSpace, readSearchFragments } from "../helpers/site.ts";

/** The policy that uses every construct: built once, with html-validate, as a deploy builds it. */
const contentDir = path.join(fixturesDir, "kitchen-sink", "content");
const historyDir = path.join(fixturesDir, "kitchen-sink", "history");
const { sections } = loadPolicy(contentDir);
let site: BuiltSite;
beforeAll(async () => {
  site = await buildToTemp({ contentDir, historyDir });
});
afterAll(() => site?.cleanup());

const ids = (sitePath: string) => {
  const $ = site.page(sitePath);
  return $("[id]")
    .map((_, el) => $(el).attr("id"))
    .get();
};

describe("the kitchen sink's text, word for word", () => {
  it.each(sections.map((s) => [s.id, s] as const))(
    "/%s/ and the whole policy hold every block of its legal text",
    (id, section) => {
      const blocks = legalBlocks(section.body);
      expect(blocks.length).toBeGreaterThan(3);
      for (const sitePath of [`/${id}/`, "/"]) {
        const text = legalText(site.page(sitePath));
        expect(
          blocks.filter((block) => !text.includes(block)),
          sitePath,
        ).toEqual([]);
      }
    },
  );

  it("shows each summary, and never counts it as legal text", () => {
    const summarised = sections.filter((s) => summaryBlocks(s.body).length > 0);
    expect(summarised.length).toBeGreaterThanOrEqual(3);
    for (const section of summarised) {
      const $ = site.page(`/${section.id}/`);
      for (const block of summaryBlocks(section.body)) {
        expect(normalizeSpace($("main .summary").text())).toContain(block);
        expect(legalText($)).not.toContain(block);
      }
    }
  });
});

describe("ids on the kitchen sink's pages", () => {
  it.each(["/", "/cookies/", "/your-rights/", "/history/2026-03-01/", "/history/2025-01-15/"])(
    "are unique on %s",
    (sitePath) => {
      const all = ids(sitePath);
      expect(all.length).toBe(new Set(all).size);
    },
  );

  it("come from the section and the order, the same on the section page and the whole policy", () => {
    const notesAndTables = (sitePath: string) =>
      ids(sitePath).filter((id) => /^(fn|fnref|notes|table|summary)_cookies_?/.test(id));
    expect(notesAndTables("/cookies/")).toEqual([
      "fnref_cookies_1",
      "table_cookies_1",
      "fnref_cookies_1_2",
      "notes_cookies",
      "fn_cookies_1",
    ]);
    expect(notesAndTables("/")).toEqual(notesAndTables("/cookies/"));
    // Three sections' notes meet on the whole-policy page, each under its own section.
    expect(ids("/").filter((id) => id.startsWith("notes_"))).toEqual([
      "notes_what-we-collect",
      "notes_cookies",
      "notes_your-rights",
    ]);
  });
});

describe("the post-build checks on the kitchen sink", () => {
  it("read every page's ids, links and inline code as htmlparser2's Parser reads them", () => {
    const pages = listFiles(site.outDir).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(path.join(site.outDir, file), "utf8");
      const [scanned, parsed] = [scanPage(html), parserScan(html)];
      expect({ ...scanned, anchors: [...scanned.anchors] }, file).toEqual({ ...parsed, anchors: [...parsed.anchors] });
    }
  });
});

describe("the kitchen sink's pages", () => {
  it("load the rich-text stylesheet where their text needs it, and only there", () => {
    const sheets = (sitePath: string) => site.page(sitePath)("link[rel=stylesheet]:not([media=print])").length;
    expect([
      sheets("/"),
      sheets("/cookies/"),
      sheets("/history/2025-01-15/"),
      sheets("/search/"),
      sheets("/404.html"),
    ]).toEqual([2, 2, 2, 2, 1]);
    // The search page's second stylesheet is its own, not rich text's.
    expect(site.page("/search/")("link[rel=stylesheet]:not([media=print])").last().attr("href")).toMatch(
      /\/search\.[0-9a-f]{8}\.css$/,
    );
  });

  it("give every table a caption, column headers and a named frame, with no style attribute", () => {
    const $ = site.page("/what-we-collect/");
    const frame = $(".table-scroll");
    expect($(`#${frame.attr("aria-labelledby")}`).is("caption")).toBe(true);
    expect($("thead th").length).toBe(5);
    expect($("thead th:not([scope=col])")).toHaveLength(0);
    expect($("[style]")).toHaveLength(0);
  });

  it("show the brand: the accent after site.css's own colours, the logo with its size reserved", () => {
    const $ = site.page("/");
    const css = readFileSync(
      path.join(site.outDir, $("link[rel=stylesheet]:not([media=print])").first().attr("href")!),
      "utf8",
    );
    expect(css).toContain("@media screen{:root{--link:#0b6e4f;--focus:#0b6e4f}}");
    expect(css).toContain("@media screen and (prefers-color-scheme:dark){:root{--link:#6fcfa8;--focus:#6fcfa8}}");
    const logo = $("header .site-name img");
    expect([logo.attr("alt"), logo.attr("width"), logo.attr("height")]).toEqual(["", "48", "48"]);
    expect(logo.attr("src")).toMatch(/^\/assets\/logo\.[0-9a-f]{8}\.svg$/);
    expect(existsSync(path.join(site.outDir, logo.attr("src")!))).toBe(true);
  });

  it("compare a changed table row between versions", () => {
    const text = normalizeSpace(site.page("/history/2026-03-01/changes/")("main").text());
    expect(text).toMatch(/\[removed: 5\].*\[added: 6\]/);
    expect(text).toContain("[added: Sending the newsletter you asked for]");
  });
});

describe("the kitchen sink's search index", () => {
  it("holds table cells apart, notes and terms, but no summary, note number or back-link", () => {
    const fragment = readSearchFragments(site.outDir).find((f) => f.url === "/what-we-collect/")!;
    expect(fragment.content).toContain("Taking and delivering your order. Name, postal address");
    expect(fragment.content).toContain("Invoices must be kept for six years");
    for (const absent of ["We collect what you give us", "Summary", "Back to", "Note 1", "shown.1"])
      expect(fragment.content).not.toContain(absent);
    const definitions = readSearchFragments(site.outDir).find((f) => f.url === "/definitions/")!;
    expect(definitions.content).toContain("Personal data Any information relating to");
  });
});
