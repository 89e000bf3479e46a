import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Reader, results, resultTitles, search, searchCount, searchNote, startReader } from "../helpers/reader.ts";
import { policy, sectionById } from "../helpers/sections.ts";

/** Each way the search page handles a reader's words, on the real site, and what it says it did. */
let reader: Reader;
let page: Page;
beforeAll(async () => {
  reader = await startReader();
  ({ page } = await reader.open({ viewport: { width: 1280, height: 800 } }));
});
afterAll(() => reader?.close());

const ask = (query: string) => search(page, reader.url("/search/"), query);
const note = () => searchNote(page).innerText();
/** Each result's clause links as "number title → address". */
const clauses = () =>
  results(page)
    .locator(".search-result__clause > a")
    .evaluateAll((links) => links.map((a) => `${a.textContent?.trim()} → ${a.getAttribute("href")}`));

describe("a question in a reader's words", () => {
  it("leaves out the words that frame it, and lands first on the clause that answers", async () => {
    await ask("what if the shop is taken over");
    expect(await note()).toBe("Searched for: shop, taken.");
    expect(await resultTitles(page)).toEqual([sectionById("sharing").title]);
    expect((await clauses())[0]).toBe(
      "3.c Business Transfers → /sharing/?highlight=shop&highlight=taken#business-transfers",
    );
  });

  it("shows the section's number and an excerpt from the clause's own text, never its heading or hidden words", async () => {
    await ask("merger");
    const first = results(page).locator(".search-result").first();
    expect(await first.locator(".search-result__title").innerText()).toBe(`3 ${sectionById("sharing").title}`);
    const excerpt = await first.locator(".search-result__clause .search-result__excerpt").first().innerText();
    expect(excerpt).toMatch(/^As we continue to develop our business/);
    expect(excerpt).not.toMatch(/merger|⁂|Business Transfers/);
  });

  it("marks the words searched for in the excerpt", async () => {
    await ask("credit card");
    expect(await results(page).locator(".search-result__excerpt mark").first().innerText()).toMatch(/^(credit|card)$/i);
  });
});

describe("words the policy does not use", () => {
  it("are dropped and named, and the rest searched", async () => {
    await ask("copy everything");
    expect(await note()).toBe("Searched for: copy · Not in the policy: everything.");
    expect((await resultTitles(page)).length).toBeGreaterThan(0);
  });

  it("are read as the nearest word it uses, when one is near enough, and the page says so", async () => {
    await ask("cokies");
    expect(await note()).toBe("Searched for: cookies · “cokies” read as “cookies”.");
    expect((await resultTitles(page))[0]).toBe(sectionById("cookies").title);
  });

  it("are not matched through a much shorter word the index happens to hold", async () => {
    // Pagefind would match "up" (from the reader words "sign up"), the longest word that begins it.
    await ask("upholstery");
    expect(await searchCount(page).innerText()).toBe("No results for upholstery");
    expect(await note()).toBe("Not in the policy: upholstery.");
  });
});

describe("words no section holds together", () => {
  it("bring the sections holding most of them first, and the page says so", async () => {
    await ask("merger encryption password");
    expect(await note()).toBe("No section has all of these words: those with the most come first.");
    expect(await resultTitles(page)).toEqual([sectionById("security").title, sectionById("sharing").title]);
  });
});

describe("a quoted phrase", () => {
  it("is searched exactly", async () => {
    await ask('"credit card company"');
    expect(await resultTitles(page)).toEqual([sectionById("security").title]);
    await ask('"card credit"');
    expect(await searchCount(page).innerText()).toBe("No results for “card credit”".replace(/[“”]/g, '"'));
    expect(await note()).toBe("Not in the policy: “card credit”.");
  });
});

describe("a search that finds nothing", () => {
  it("suggests the nearest words the policy uses, each a search of its own", async () => {
    await ask("kookiez");
    expect(await searchCount(page).innerText()).toBe("No results for kookiez");
    const suggestion = results(page).locator(".search-nothing__suggestions a").first();
    const href = new URL((await suggestion.getAttribute("href"))!, reader.url("/"));
    expect([await suggestion.innerText(), `${href.pathname}${href.search}`]).toEqual(["cookies", "/search/?q=cookies"]);
    await suggestion.click();
    await searchCount(page)
      .filter({ hasText: /results for cookies$/ })
      .waitFor();
  });

  it("lists every section, with links, so the reader is never stuck", async () => {
    await ask("xyzzy");
    const sections = results(page).locator(".search-nothing__sections a");
    expect(await sections.allInnerTexts()).toEqual(policy.sections.map((s) => s.title));
    expect(await sections.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
      policy.sections.map((s) => s.url),
    );
    await ask("cookies");
    expect(await results(page).locator(".search-nothing").isVisible()).toBe(false);
  });

  it("lets the arrow keys reach the suggestions and the sections from the field", async () => {
    await ask("kookiez");
    await page.locator("#search-input").focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("cookies");
    const suggested = await results(page).locator(".search-nothing__suggestions a").count();
    for (let i = 0; i < suggested; i++) await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(policy.sections[0].title);
  });
});
