import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparisonOf } from "../../assets/compare-view.js";
import { compareBannerHtml, compareBodyHtml, compareHeadHtml } from "../../src/history/compare-html.ts";
import { VERSIONS_SCHEMA } from "../../src/templates/data-files.ts";
import { type BuiltSite, buildToTemp, fixtureContent, fixtureHistory, normalizeSpace } from "../helpers/site.ts";

/**
 * tests/fixtures/four-versions: 1 January 2019, 2020 (sharing reworded, with a note), 2021 (sharing
 * reworded again and a contact section added, with notes) and the current 2022 (what we collect
 * reworded). The site builds the compare views it links (each version with the one before it and
 * with the current one) and leaves 2019 to 2021 to the browser, which compares the versions' JSON
 * with the build's own code: what the browser draws is checked here against the built pages.
 */
const DATES = ["2019-01-01", "2020-01-01", "2021-01-01", "2022-01-01"];
const BUILT = [
  "2019-01-01...2020-01-01",
  "2019-01-01...2022-01-01",
  "2020-01-01...2021-01-01",
  "2020-01-01...2022-01-01",
  "2021-01-01...2022-01-01",
];
let site: BuiltSite;

beforeAll(async () => {
  site = await buildToTemp({
    contentDir: fixtureContent("four-versions"),
    historyDir: fixtureHistory("four-versions"),
  });
});
afterAll(() => site?.cleanup());

const read = (sitePath: string): string => readFileSync(path.join(site.outDir, sitePath), "utf8");
const hrefs = ($: CheerioAPI, selector: string): string[] =>
  $(selector)
    .map((_, a) => $(a).attr("href")!)
    .get();
const versionsJson = () => JSON.parse(read("history/versions.json"));

/** Two versions compared as the browser compares them, from the built site's data files. */
function inTheBrowser(older: string, newer: string) {
  const list = versionsJson();
  const docs = Object.fromEntries(
    [older, newer].map((date) => [date, JSON.parse(read(`history/${date}/policy.json`))]),
  );
  return { pair: comparisonOf(list.versions, older, newer, docs), list };
}

describe("the pairs of versions built ahead", () => {
  it("are each version with the one before it and with the current one, listed on /history/compare/", () => {
    const index = site.page("/history/compare/");
    expect(hrefs(index, ".compare-index__pairs a")).toEqual(BUILT.map((pair) => `/history/compare/${pair}/`));
    expect(normalizeSpace(index(".compare-index > p").last().text())).toBe(
      "Or choose a pair below: each version with the one before it, with the current version. Any other two versions chosen above are compared in your browser from the versions’ data, which needs JavaScript.",
    );
    for (const pair of BUILT) expect(site.page(`/history/compare/${pair}/`)("h1").text()).toMatch(/^Changes from/);
    expect(() => site.page("/history/compare/2019-01-01...2021-01-01/")).toThrow(/ENOENT/);
  });

  it("are the ones each version's page links, and the form offers every version", () => {
    const links = Object.fromEntries(
      DATES.map((date) => [date, hrefs(site.page(`/history/${date}/`), ".compare-versions__links a")]),
    );
    expect(links).toEqual({
      "2019-01-01": ["/history/compare/2019-01-01...2022-01-01/", "/history/compare/2019-01-01...2020-01-01/"],
      "2020-01-01": [
        "/history/compare/2020-01-01...2022-01-01/",
        "/history/compare/2020-01-01...2021-01-01/",
        "/history/compare/2019-01-01...2020-01-01/",
      ],
      "2021-01-01": ["/history/compare/2021-01-01...2022-01-01/", "/history/compare/2020-01-01...2021-01-01/"],
      "2022-01-01": [
        "/history/compare/2021-01-01...2022-01-01/",
        "/history/compare/2020-01-01...2022-01-01/",
        "/history/compare/2019-01-01...2022-01-01/",
      ],
    });
    const form = site.page("/history/2019-01-01/")("form[data-compare-form] select[name=to] option");
    expect(form.map((_, o) => o.attribs.value).get()).toEqual([...DATES].reverse());
  });

  it("are drawn exactly as the browser draws a pair from the versions' data", () => {
    for (const pairPath of BUILT) {
      const [older, newer] = pairPath.split("...");
      const { pair, list } = inTheBrowser(older, newer);
      const page = read(`history/compare/${pairPath}/index.html`);
      expect(page, pairPath).toContain(compareBannerHtml(pair, { effectiveDate: list.current }));
      expect(page, pairPath).toContain(compareHeadHtml(pair, list.policyName));
      expect(page, pairPath).toContain(compareBodyHtml(pair));
    }
  });
});

describe("a pair not built ahead", () => {
  it("is compared from the data like any other: what changed, the notes of each version between, what did not", () => {
    const { pair } = inTheBrowser("2019-01-01", "2021-01-01");
    expect(pair.between.map((v) => [v.effectiveDate, v.summary])).toEqual([
      ["2020-01-01", "Sharing only with partners we have checked."],
      ["2021-01-01", "A buyer must keep this policy; a way to contact us."],
    ]);
    expect(pair.changes.map((c) => `${c.id} ${c.change}`)).toEqual([
      "what-we-collect unchanged",
      "sharing changed",
      "contact added",
    ]);
    const [, sharing, contact] = pair.changes;
    expect(sharing.notes).toEqual([
      { effectiveDate: "2020-01-01", note: "Readers asked who we share with." },
      { effectiveDate: "2021-01-01", note: "Readers asked what happens if the shop is sold." },
    ]);
    expect(contact.notes.map((n) => n.effectiveDate)).toEqual(["2021-01-01"]);
    const body = compareBodyHtml(pair);
    expect(body).toContain('<del><span class="diff-cue">[removed: </span>may<span class="diff-cue">]</span></del>');
    expect(body).toContain('<ins><span class="diff-cue">[added: </span>, who must keep this policy<span');
    expect(body).toMatch(/<summary>1 section unchanged<\/summary>/);
  });

  it("is reached from the 404 page's script and the compare page's, which both load", () => {
    const notFound = read("404.html");
    expect(notFound).toMatch(/<script type="module" src="\/assets\/compare\.[0-9a-f]{8}\.js">/);
    expect(notFound).toContain('<a href="/history/compare/">Compare two versions of the policy</a>');
    const index = site.page("/history/compare/");
    expect(hrefs(index, "link[rel=stylesheet]").some((href) => /compare-view\.[0-9a-f]{8}\.css$/.test(href))).toBe(
      true,
    );
    expect(index("script[src*=compare-view]").length).toBe(1);
  });
});

describe("the list of every version", () => {
  it("is valid against its schema, oldest first, each with its status, summary, notes and data", () => {
    const schema = JSON.parse(readFileSync(VERSIONS_SCHEMA, "utf8"));
    const validate = formats.default(new Ajv2020({ allErrors: true, strict: true })).compile(schema);
    const list = versionsJson();
    expect(validate(list), JSON.stringify(validate.errors)).toBe(true);
    expect(list.current).toBe("2022-01-01");
    expect(list.versions.map((v: { effectiveDate: string; status: string }) => [v.effectiveDate, v.status])).toEqual([
      ["2019-01-01", "superseded"],
      ["2020-01-01", "superseded"],
      ["2021-01-01", "superseded"],
      ["2022-01-01", "current"],
    ]);
    expect(list.versions[2].changeNotes).toEqual({
      sharing: "Readers asked what happens if the shop is sold.",
      contact: "A way to ask us about this policy.",
    });
    expect(list.versions[3].json).toBe("https://privacy.audiomidi.com/history/2022-01-01/policy.json");
    expect(hrefs(site.page("/history/"), ".history-data a")).toContain("/history/versions.json");
  });
});
