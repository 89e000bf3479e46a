import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import type { SourceSection } from "../../src/content/read-sections.ts";
import { termPattern } from "../../src/render/defined-terms.ts";
import { markdown, type RenderEnv, renderMarkdown } from "../../src/render/markdown.ts";
import { renderPolicy } from "../../src/render/policy.ts";

const render = (source: string, env: RenderEnv = {}) => load(renderMarkdown(markdown, source, env).html, null, false);

describe("tables", () => {
  const $ = render(
    "Table: What we keep\n\n| Purpose | Basis | Kept |\n| :-- | :-: | --: |\n| Orders | Contract | 6 years |\n",
    { sectionId: "data" },
  );

  it("sit in a focusable scroll region named by their caption", () => {
    const region = $("div.table-scroll");
    expect([region.attr("role"), region.attr("tabindex"), region.attr("aria-labelledby")]).toEqual([
      "group",
      "0",
      "table_data_1",
    ]);
    expect(region.find("table > caption#table_data_1").text()).toBe("What we keep");
  });

  it("give header cells a column scope and alignment as classes, never a style attribute", () => {
    expect(
      $("th")
        .map((_, th) => $(th).attr("scope"))
        .get(),
    ).toEqual(["col", "col", "col"]);
    expect(
      $("td")
        .map((_, td) => $(td).attr("class") ?? "")
        .get(),
    ).toEqual(["", "align-center", "align-right"]);
    expect($("[style]")).toHaveLength(0);
  });
});

describe("notes", () => {
  const source = "One[^a] and two[^b], one again[^a].\n\n[^b]: Second.\n[^a]: First.\n";

  it("are numbered in the order they are referred to, with ids from the section", () => {
    const $ = render(source, { sectionId: "cookies" });
    expect(
      $("sup.note-ref a")
        .map((_, a) => [[$(a).attr("href"), $(a).attr("id"), $(a).text()]])
        .get(),
    ).toEqual([
      ["#fn_cookies_1", "fnref_cookies_1", "Note 1"],
      ["#fn_cookies_2", "fnref_cookies_2", "Note 2"],
      ["#fn_cookies_1", "fnref_cookies_1_2", "Note 1"],
    ]);
    expect(
      $("div.notes ol > li")
        .map((_, li) => $(li).attr("id"))
        .get(),
    ).toEqual(["fn_cookies_1", "fn_cookies_2"]);
  });

  it("link back to each reference with a name of its own, hidden from search", () => {
    const $ = render(source, { sectionId: "cookies" });
    const back = $("#fn_cookies_1 a.note-back");
    expect(back.map((_, a) => $(a).attr("href")).get()).toEqual(["#fnref_cookies_1", "#fnref_cookies_1_2"]);
    expect(
      back
        .find(".visually-hidden")
        .map((_, s) => $(s).text())
        .get(),
    ).toEqual(["Back to note 1 in the text", "Back to reference 2 to note 1 in the text"]);
    expect($("a.note-back[data-pagefind-ignore], sup.note-ref[data-pagefind-ignore]")).toHaveLength(6);
  });

  it("come after the text under a Notes heading one level below the page's clauses", () => {
    expect(render(source, { sectionId: "cookies" })("div.notes h2#notes_cookies").text()).toBe("Notes");
    expect(render(source, { sectionId: "cookies", headingOffset: 1 })("div.notes h3#notes_cookies")).toHaveLength(1);
  });

  it("start again in every render that shares an env, as the whole-policy page does", () => {
    const env: RenderEnv = { headingOffset: 1 };
    render(source, Object.assign(env, { sectionId: "a" }));
    const $ = render("Only[^x].\n\n[^x]: Note.\n", Object.assign(env, { sectionId: "b" }));
    expect(
      $("li")
        .map((_, li) => $(li).attr("id"))
        .get(),
    ).toEqual(["fn_b_1"]);
  });
});

describe("callouts, quotations and summaries", () => {
  it("label a callout in words", () => {
    const $ = render("> [!important]\n> Read this.\n");
    expect($("div.callout.callout--important[role=note] > p.callout__label").text()).toBe("Important");
    expect($("div.callout p").last().text()).toBe("Read this.");
  });

  it("keep a plain quotation a blockquote", () => {
    expect(render("> Quoted.\n")("blockquote > p").text()).toBe("Quoted.");
  });

  it("mark a summary as not part of the policy, for readers and for search", () => {
    const $ = render("> [!SUMMARY]\n> In short.\n\nThe text.\n", { sectionId: "cookies" });
    const summary = $("div.summary");
    expect(summary.attr("aria-labelledby")).toBe("summary_cookies");
    expect($("#summary_cookies").text()).toBe("Summary (not part of the policy)");
    expect(summary.attr("data-pagefind-ignore")).toBeDefined();
    expect(summary.attr("data-non-binding")).toBeDefined();
    expect(summary.next().text()).toBe("The text.");
  });
});

const section = (id: string, order: number, body: string): SourceSection => ({
  id,
  order,
  title: `Title ${id}`,
  file: `${id}.md`,
  body,
  bodyLine: 6,
});

describe("defined terms", () => {
  const policy = renderPolicy([
    section("defs", 1, "Personal data\n: Anything about you; personal data again.\n\nCookie\n: A small file.\n"),
    section(
      "use",
      2,
      "Personal data is kept. Personal data twice.\n\n## Personal data here {#h}\n\n`Personal data` and personal data.\n",
    ),
    section("later", 3, "We set a cookie, and a cookies jar, and a Cookie.\n"),
  ]);

  it("render as dfn with an id from their words, weighted for search", () => {
    const $ = load(policy.sections[0].html, null, false);
    expect(
      $("dl.terms dt > dfn")
        .map((_, d) => [[$(d).attr("id"), $(d).text()]])
        .get(),
    ).toEqual([
      ["term_personal-data", "Personal data"],
      ["term_cookie", "Cookie"],
    ]);
    expect($("dfn").attr("data-pagefind-weight")).toBe("5");
    // Not linked inside the list that defines them.
    expect($("a.term-ref")).toHaveLength(0);
  });

  it("link the first use in each section to the definition, on the section page and the whole policy", () => {
    const own = load(policy.sections[1].html, null, false);
    expect(
      own("a.term-ref")
        .map((_, a) => [[own(a).attr("href"), own(a).text()]])
        .get(),
    ).toEqual([["/defs/#term_personal-data", "Personal data"]]);
    const whole = load(policy.sections[1].inPolicy.html, null, false);
    expect(whole("a.term-ref").attr("href")).toBe("#term_personal-data");
    expect(whole("h3 a.term-ref, code a")).toHaveLength(0);
  });

  it("match whole words, the first letter in either case", () => {
    const $ = load(policy.sections[2].html, null, false);
    expect(
      $("a.term-ref")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(["cookie"]);
    expect(termPattern(["Cookie"]).test("cookies")).toBe(false);
  });

  it("are listed for the Key terms list, sorted, with the section that defines each", () => {
    expect(policy.terms.map((t) => [t.text, t.id, t.sectionId])).toEqual([
      ["Cookie", "term_cookie", "defs"],
      ["Personal data", "term_personal-data", "defs"],
    ]);
    expect(policy.sections.map((s) => s.richText)).toEqual([true, true, true]);
  });
});
