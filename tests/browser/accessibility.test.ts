import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, SCREEN_VIEWS } from "../helpers/axe.ts";
import { type Reader, search, startReader } from "../helpers/reader.ts";
import { allPages } from "../helpers/sections.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

describe.each(SCREEN_VIEWS)("axe (WCAG 2.2 AA) in $colorScheme at $width px", ({ colorScheme, width }) => {
  it.each(allPages())("finds no violations on %s", async (path) => {
    const { context, page } = await reader.open({ colorScheme, viewport: { width, height: 800 } });
    await page.goto(reader.url(path));
    expect(await checkA11y(page)).toEqual([]);
    await context.close();
  });

  it("finds no violations on search results", async () => {
    const { context, page } = await reader.open({ colorScheme, viewport: { width, height: 800 } });
    await search(page, reader.url("/search/"), "cookies");
    expect(await checkA11y(page)).toEqual([]);
    await context.close();
  });

  it("finds no violations on a page opened from a search result, with highlights", async () => {
    const { context, page } = await reader.open({ colorScheme, viewport: { width, height: 800 } });
    await page.goto(reader.url("/cookies/?highlight=cookies"));
    await page.locator("mark.pagefind-highlight").first().waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await context.close();
  });
});

describe("reflow", () => {
  it.each(allPages())("needs no horizontal scrolling at 320 px on %s", async (path) => {
    const { context, page } = await reader.open({ viewport: { width: 320, height: 640 } });
    await page.goto(reader.url(path));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe("the list of pages checked", () => {
  it("covers every kind of page the site has", () => {
    expect(allPages()).toEqual(
      expect.arrayContaining(["/", "/cookies/", "/search/", "/404.html", "/history/", "/history/2014-04-08/"]),
    );
  });
});
