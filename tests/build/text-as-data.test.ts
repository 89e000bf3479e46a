import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHash, type SectionData, type TextNode } from "../../src/history/policy-data.ts";
import { POLICY_SCHEMA } from "../../src/templates/data-files.ts";
import {
  type BuiltSite,
  buildToTemp,
  fixtureContent,
  fixtureHistory,
  fixturesDir,
  normalizeSpace,
  realContentDir,
} from "../helpers/site.ts";

/**
 * Every version's text as data, checked on the real policy, the kitchen sink (tables, notes,
 * terms, summaries) and the fixture with a version announced ahead: each JSON document valid
 * against the schema in the repository, every clause of the page in the JSON and the other way
 * round, the Markdown holding each section's source word for word, and each page advertising
 * its data and describing itself with schema.org JSON-LD.
 */
const sites: Record<string, BuiltSite> = {};
const SCENARIOS = {
  "the real policy": { contentDir: realContentDir, historyDir: path.join(realContentDir, "no-history") },
  "the kitchen sink": {
    contentDir: path.join(fixturesDir, "kitchen-sink", "content"),
    historyDir: fixtureHistory("kitchen-sink"),
  },
  "a version announced ahead": {
    contentDir: fixtureContent("upcoming-version"),
    historyDir: fixtureHistory("upcoming-version"),
    env: { POLICY_TODAY: "2027-02-28" },
  },
} as const;
const names = Object.keys(SCENARIOS) as Array<keyof typeof SCENARIOS>;

beforeAll(async () => {
  for (const name of names) sites[name] = await buildToTemp({ ...SCENARIOS[name], validateHtml: false });
});
afterAll(() => {
  for (const site of Object.values(sites)) site.cleanup();
});

const schema = JSON.parse(readFileSync(POLICY_SCHEMA, "utf8"));
const validate = formats.default(new Ajv2020({ allErrors: true, strict: true })).compile(schema);

/** Every version folder of a built site. */
const versions = (site: BuiltSite): string[] =>
  readdirSync(path.join(site.outDir, "history")).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name));

const json = (site: BuiltSite, date: string) =>
  JSON.parse(readFileSync(path.join(site.outDir, "history", date, "policy.json"), "utf8")) as {
    effectiveDate: string;
    url: string;
    sections: SectionData[];
  };

/** Every node of a section's tree, the section first. */
const walk = (node: TextNode): TextNode[] => [node, ...node.clauses.flatMap(walk)];

/** The ids of the clause headings a version's page shows, section by section, in the contents. */
const pageClauses = ($: CheerioAPI): string[] =>
  $("nav.toc .toc__clauses a")
    .map((_, a) => $(a).attr("href")!.slice(1))
    .get();

describe.each(names)("the text of %s as data", (name) => {
  it("publishes for every version a JSON document valid against the schema in the repository", () => {
    const site = sites[name];
    expect(versions(site).length).toBeGreaterThan(0);
    for (const date of versions(site)) {
      const document = json(site, date);
      expect(validate(document), `${date}: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
      expect(document.effectiveDate).toBe(date);
    }
    expect(readFileSync(path.join(site.outDir, "history", "policy.schema.json"), "utf8")).toBe(
      readFileSync(POLICY_SCHEMA, "utf8"),
    );
  });

  it("has every clause of each version's page in its JSON, and nothing else, with the same numbers and words", () => {
    const site = sites[name];
    for (const date of versions(site)) {
      const $ = site.page(`/history/${date}/`);
      const nodes = json(site, date).sections.flatMap((section) => walk(section).slice(1));
      expect(
        nodes.map((n) => n.id),
        date,
      ).toEqual(pageClauses($));
      // The words of the text, without note numbers and the links the page adds.
      const pageText = normalizeSpace($(".policy").clone().find(".note-ref, .note-back").remove().end().text());
      for (const node of nodes) {
        expect(normalizeSpace($(`[id="${node.id}"]`).text()), node.id).toBe(`${node.number} ${node.heading}`);
        for (const paragraph of node.text.split("\n\n").filter(Boolean)) {
          // Link targets are kept in brackets in the data; the page shows the link's words.
          const shown = paragraph.replace(/ \((?:https?:|mailto:|tel:|\/|#)[^ )]*\)/g, "");
          expect(pageText, `${date} ${node.id}`).toContain(normalizeSpace(shown));
        }
        expect(node.hash).toBe(nodeHash(node.heading, node.text));
      }
    }
  });

  it("has every section in the order of the page, with its number, title and notes", () => {
    const site = sites[name];
    for (const date of versions(site)) {
      const $ = site.page(`/history/${date}/`);
      const sections = json(site, date).sections;
      expect(sections.map((s) => `${s.number} ${s.heading}`)).toEqual(
        $(".policy-section")
          .map((_, section) =>
            normalizeSpace(
              $(section)
                .find(`[id="${$(section).attr("data-section")}"]`)
                .text(),
            ),
          )
          .get(),
      );
      expect(sections.flatMap((s) => s.notes).map((n) => n.id)).toEqual(
        $(".policy li[id^='fn_']")
          .map((_, li) => $(li).attr("id"))
          .get(),
      );
      for (const note of sections.flatMap((s) => s.notes)) {
        expect(normalizeSpace($(`li[id="${note.id}"]`).text())).toContain(normalizeSpace(note.text));
      }
    }
  });

  it("publishes each version's Markdown with every section's source word for word", () => {
    const site = sites[name];
    for (const date of versions(site)) {
      const markdown = readFileSync(path.join(site.outDir, "history", date, "policy.md"), "utf8");
      expect(markdown).toMatch(new RegExp(`^---\\n[\\s\\S]*effectiveDate: ${date}\\n[\\s\\S]*---\\n`));
      for (const section of json(site, date).sections) {
        expect(markdown).toContain(`# ${section.heading} {#${section.id}}\n`);
      }
    }
  });

  it("links a version's data from its page and advertises it in the head of every page that shows it", () => {
    const site = sites[name];
    for (const date of versions(site)) {
      const $ = site.page(`/history/${date}/`);
      expect(
        $(".version-data a")
          .map((_, a) => $(a).attr("href"))
          .get(),
      ).toEqual([`/history/${date}/policy.md`, `/history/${date}/policy.json`, "/history/policy.schema.json"]);
      expect($("head link[rel=alternate][type='application/json']").attr("href")).toBe(`/history/${date}/policy.json`);
    }
    const inForce = site.page("/")(".page-header .effective time").attr("datetime");
    for (const sitePath of ["/", `/${json(site, inForce!).sections[0].id}/`]) {
      expect(site.page(sitePath)("head link[rel=alternate][type='application/json']").attr("href")).toBe(
        `/history/${inForce}/policy.json`,
      );
    }
  });

  it("describes each page that shows a version as a schema.org WebPage about the policy document", () => {
    const site = sites[name];
    const $ = site.page("/");
    const data = JSON.parse($("script[type='application/ld+json']").text());
    const date = $(".page-header .effective time").attr("datetime");
    expect(data["@type"]).toBe("WebPage");
    expect(data.about).toMatchObject({
      "@type": "DigitalDocument",
      version: date,
      url: json(site, date!).url,
      isBasedOn: { "@type": "CreativeWork" },
    });
    expect(data.about.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("a clause's id across versions", () => {
  it("names the same clause in every version's data, however its heading is worded", () => {
    const site = sites["a version announced ahead"];
    const clause = (date: string, id: string) =>
      json(site, date)
        .sections.flatMap(walk)
        .find((n) => n.id === id);
    const before = clause("2020-07-01", "business-transfers")!;
    const after = clause("2027-03-01", "business-transfers")!;
    expect(before.heading).toBe("Business Transfers");
    // Unchanged words, the same hash; the clause that moved from 3.a to 3.b keeps its id.
    expect(after.hash).toBe(before.hash);
    expect([before.number, after.number]).toEqual(["3.a", "3.b"]);
    expect(clause("2020-07-01", "payment-providers")).toBeUndefined();
    expect(clause("2027-03-01", "payment-providers")?.number).toBe("3.a");
  });

  it("leaves summaries, which are not part of the policy, out of the data", () => {
    const site = sites["the kitchen sink"];
    const $ = site.page("/");
    const summaries = $(".summary p:not(.summary__label)")
      .map((_, p) => normalizeSpace($(p).text()))
      .get();
    expect(summaries.length).toBeGreaterThan(0);
    const date = $(".page-header .effective time").attr("datetime")!;
    const text = JSON.stringify(json(site, date));
    for (const summary of summaries) expect(text).not.toContain(summary);
  });
});
