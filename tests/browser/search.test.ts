import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultTitles, search, startReader, type Reader } from "../helpers/reader.ts";
import { sectionById } from "../helpers/sections.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), id: el?.id, text: el?.textContent?.trim(), href: el?.getAttribute("href"), cls: el?.className };
  });

describe("searching the policy", () => {
  it("lists the cookies section first for a search for cookies", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "cookies");
    expect((await resultTitles(page))[0]).toBe(sectionById("cookies").title);
  });

  it("lands a clause sub-result on that clause, with the query highlighted and the heading in view", async () => {
    const { page } = await reader.open({ viewport: { width: 1280, height: 720 } });
    await search(page, reader.url("/search/"), "consent");
    const clauseLink = page.locator('pagefind-results a[href*="#with-your-consent"]').first();
    await clauseLink.click();
    await page.waitForURL(/\/sharing\/\?highlight=consent#with-your-consent$/);
    await page.locator("mark.pagefind-highlight").first().waitFor();
    expect((await page.locator("mark.pagefind-highlight").allInnerTexts()).map((t) => t.toLowerCase())).toContain("consent");
    const heading = page.locator("#with-your-consent");
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    // Nothing (a sticky header, say) covers the heading where the reader looks.
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest("#with-your-consent") !== null, [box.x + 5, box.y + box.height / 2]);
    expect(onTop).toBe(true);
  });

  it("announces the number of results in a live region", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "cookies");
    const live = page.locator("[aria-live], [role=status]").filter({ hasText: /3 results for cookies/ });
    await expect.poll(() => live.count()).toBeGreaterThan(0);
  });

  it("runs the query sent from the header search field of any page", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/security/"));
    await page.locator("#site-search-input").fill("password");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=password$/);
    await page.locator("pagefind-results a").first().waitFor();
    expect((await resultTitles(page))[0]).toBe(sectionById("security").title);
  });
});

describe("searching with the keyboard only", () => {
  it("reaches the skip link, the search field and the table of contents by Tab from the top", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/"));
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", href: "#main", text: "Skip to content" });
    const seen: Array<Awaited<ReturnType<typeof focused>>> = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focused(page));
    }
    expect(seen).toContainEqual(expect.objectContaining({ tag: "input", id: "site-search-input" }));
    expect(seen).toContainEqual(expect.objectContaining({ tag: "a", href: `#${sectionById("information-we-gather").id}` }));
  });

  it("moves focus to the skip link's target", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/cookies/"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "main", id: "main" });
  });

  it.each([
    ["/", "/cookies/"],
    ["Control+k", "/sharing/"],
    ["Meta+k", "/"],
  ])("focuses the search field with %s", async (shortcut, path) => {
    const { page } = await reader.open();
    await page.goto(reader.url(path));
    await page.keyboard.press(shortcut);
    expect(await focused(page)).toMatchObject({ tag: "input", id: "site-search-input" });
  });

  it("focuses Pagefind's field with the shortcut on the search page", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/search/"));
    await page.locator("pagefind-input input").waitFor();
    await page.keyboard.press("Control+k");
    expect(await focused(page)).toMatchObject({ tag: "input", cls: expect.stringContaining("pf-input") });
  });

  it("moves through results with the arrow keys and opens one with Enter", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/search/"));
    await page.locator("pagefind-input input").waitFor();
    await page.keyboard.press("/");
    await page.keyboard.type("credit card");
    await page.locator("pagefind-results a").first().waitFor();
    await page.keyboard.press("ArrowDown");
    const first = await focused(page);
    expect(first).toMatchObject({ tag: "a", href: expect.stringContaining("/security/") });
    await page.keyboard.press("ArrowDown");
    const second = await focused(page);
    expect(second.tag).toBe("a");
    expect(second.href).not.toBe(first.href);
    await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toMatchObject({ href: first.href });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/security\/\?highlight=credit&highlight=card/);
    expect(await page.locator("h1").innerText()).toBe(sectionById("security").title);
  });
});
