import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y } from "../helpers/axe.ts";
import { layoutShiftSoFar, watchLayoutShift } from "../helpers/layout-shift.ts";
import {
  type Reader,
  results,
  resultTitles,
  search,
  searchCount,
  searchNote,
  searchSettled,
  startReader,
} from "../helpers/reader.ts";
import { type BuiltSite, buildToTemp, fixtureContent, fixtureHistory } from "../helpers/site.ts";

/**
 * Searching earlier versions, on the fixture with a history: 2016-01-10 and 2018-05-25 had a
 * cookies section and a business-transfers clause that the current version (2020-07-01) dropped.
 */
let built: BuiltSite;
let reader: Reader;
beforeAll(async () => {
  built = await buildToTemp({ contentDir: fixtureContent("revisions"), historyDir: fixtureHistory("revisions") });
  reader = await startReader(built.outDir);
});
afterAll(async () => {
  await reader?.close();
  built?.cleanup();
});

const versionsBox = (page: Page) => page.getByRole("checkbox", { name: "Include earlier versions of the policy" });

/** The search page for a query in every version, as a shared link opens it. */
async function searchEveryVersion(page: Page, query: string): Promise<void> {
  await page.goto(reader.url(`/search/?q=${encodeURIComponent(query)}&versions=all`));
  await searchSettled(page, query);
}

describe("a policy with earlier versions", () => {
  it("offers to include them, off by default, and says when only they have the words", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "basket");
    expect(await versionsBox(page).isChecked()).toBe(false);
    expect(await searchCount(page).innerText()).toBe("No results for basket");
    expect(await searchNote(page).innerText()).toBe("Only in earlier versions: basket.");
  });

  it("searches them once included, each result saying which version it is from", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "basket");
    await versionsBox(page).check();
    await searchCount(page)
      .filter({ hasText: /^2 results for basket$/ })
      .waitFor();
    expect((await resultTitles(page)).sort()).toEqual([
      "The policy as it read from 10 January 2016",
      "The policy as it read from 25 May 2018",
    ]);
    expect(await results(page).locator(".search-result__version").allInnerTexts()).toEqual([
      "An earlier version, no longer in force",
      "An earlier version, no longer in force",
    ]);
    for (const item of await results(page).locator(".search-result").all()) {
      const version = (await item.locator(".search-result__title a").getAttribute("href"))!;
      expect(version).toMatch(/^\/history\/(2016-01-10|2018-05-25)\/\?highlight=basket$/);
      // Section 2 of that version: its number then, and its place on that version's page.
      const clause = item.locator(".search-result__clause > a").first();
      expect(await clause.innerText()).toBe("2 Cookies");
      expect(await clause.getAttribute("href")).toBe(`${version}#cookies`);
    }
    expect(new URL(page.url()).search).toBe("?q=basket&versions=all");
  });

  it("keeps the choice in the address, so a shared link searches the same versions", async () => {
    const { page } = await reader.open();
    await searchEveryVersion(page, "sold");
    expect(await versionsBox(page).isChecked()).toBe(true);
    expect((await resultTitles(page)).every((title) => title.startsWith("The policy as it read from"))).toBe(true);
    await clauseOpensMarked(page);
  });

  it("finds words in the current version and in each earlier version that has them", async () => {
    const { page } = await reader.open();
    await searchEveryVersion(page, "trusted partners");
    const titles = await resultTitles(page);
    expect(titles).toContain("Sharing");
    expect(titles).toContain("The policy as it read from 25 May 2018");
    expect(titles).not.toContain("The policy as it read from 10 January 2016");
  });

  it("is reached and ticked with the keyboard", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "basket");
    await page.locator("#search-input").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-versions");
    await page.keyboard.press("Space");
    await searchCount(page)
      .filter({ hasText: /^2 results for basket$/ })
      .waitFor();
  });

  it("does not move as the versions are included, and axe finds nothing", async () => {
    const { context, page } = await reader.open({ viewport: { width: 1280, height: 800 } });
    await watchLayoutShift(context);
    await searchEveryVersion(page, "basket");
    expect(await layoutShiftSoFar(page)).toBeLessThan(0.01);
    expect(await checkA11y(page)).toEqual([]);
    await page.goto(reader.url("/search/?q=basket"));
    await searchSettled(page, "basket");
    expect(await checkA11y(page)).toEqual([]);
  });
});

/** Follows a result into an archived version: its words marked there, and gone from the address. */
async function clauseOpensMarked(page: Page): Promise<void> {
  await results(page).locator(".search-result__clause > a").first().click();
  await page.locator("mark.pagefind-highlight").first().waitFor();
  await page.waitForURL(/\/history\/\d{4}-\d{2}-\d{2}\/#business-transfers$/);
  expect((await page.locator("mark.pagefind-highlight").allInnerTexts()).map((t) => t.toLowerCase())).toContain("sold");
}
