import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Reader, startReader } from "../helpers/reader.ts";

/** The kitchen-sink policy: five sections with clauses, notes, tables, terms and summaries. */
let reader: Reader;
beforeAll(async () => {
  reader = await startReader(inject("kitchenSinkDir"));
});
afterAll(() => reader?.close());

const wide = { viewport: { width: 1280, height: 800 } };
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
const marked = (page: Page) =>
  page.locator(".toc [aria-current]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

/** Scrolls a heading to the top of the window, as reading down to it would. */
async function readUpTo(page: Page, id: string): Promise<void> {
  await page.evaluate((target) => document.getElementById(target)!.scrollIntoView(), id);
}

describe("the contents beside the text at 1280 px", () => {
  it("stays in view beside the text and marks the section and the clause being read", async () => {
    const { context, page } = await reader.open(wide);
    await page.goto(reader.url("/"));
    const [contents, heading] = [await box(page, "nav.toc"), await box(page, "#definitions")];
    expect(contents.x + contents.width).toBeLessThanOrEqual(heading.x);
    await readUpTo(page, "cookies-we-set");
    await page.locator('.toc a[aria-current][href="#cookies-we-set"]').waitFor();
    expect(await marked(page)).toEqual(["#cookies", "#cookies-we-set"]);
    const inner = await box(page, ".toc__inner");
    expect(inner.y).toBeGreaterThanOrEqual(0);
    expect(inner.y).toBeLessThan(50);
    await readUpTo(page, "how-to-reach-us");
    await page.locator('.toc a[aria-current][href="#how-to-reach-us"]').waitFor();
    expect(await marked(page)).toEqual(["#contact", "#how-to-reach-us"]);
    // The last clause's link is in view inside the contents, which scrolls on its own if it must.
    expect(await page.locator('.toc a[href="#how-to-reach-us"]').isVisible()).toBe(true);
    await context.close();
  });

  it("marks the clause on a section page, beside its text", async () => {
    const { context, page } = await reader.open(wide);
    await page.goto(reader.url("/your-rights/"));
    await readUpTo(page, "portability");
    await page.locator('.toc a[aria-current][href="#portability"]').waitFor();
    expect(await marked(page)).toEqual(["#portability"]);
    expect((await box(page, ".toc__inner")).y).toBeLessThan(50);
    await context.close();
  });

  it("moves nothing on the page while it loads and while the marks follow the reader", async () => {
    const { context, page } = await reader.open(wide);
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(reader.url("/"));
    for (const id of ["what-we-collect", "purposes", "cookies", "access", "how-to-reach-us"]) {
      await readUpTo(page, id);
      await page.locator(`.toc a[aria-current][href="#${id}"]`).waitFor();
    }
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    await context.close();
  });
});

describe("on a narrow screen", () => {
  it("puts the contents above the text, as it always was", async () => {
    const { context, page } = await reader.open({ viewport: { width: 320, height: 640 } });
    await page.goto(reader.url("/"));
    const [contents, firstSection] = [await box(page, "nav.toc"), await box(page, "#definitions")];
    expect(contents.y + contents.height).toBeLessThanOrEqual(firstSection.y);
    expect(await page.locator(".toc__inner").evaluate((el) => getComputedStyle(el).position)).toBe("static");
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("shows the contents and every part, with links that land, and marks nothing", async () => {
    const { context, page } = await reader.open({ ...wide, javaScriptEnabled: false });
    await page.goto(reader.url("/"));
    for (const selector of ["nav.toc", "#portability", ".summary", ".notes", "table", "dfn"])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    await page.locator('nav.toc a[href="#refusing-cookies"]').click();
    await page.waitForURL(/#refusing-cookies$/);
    expect((await box(page, "#refusing-cookies")).y).toBeLessThan(100);
    expect(await marked(page)).toEqual([]);
    await context.close();
  });
});

describe("notes and defined terms", () => {
  it("go from a reference to its note and back, by links with names of their own", async () => {
    const { context, page } = await reader.open(wide);
    await page.goto(reader.url("/your-rights/"));
    await page.getByRole("link", { name: "Note 1", exact: true }).first().click();
    await page.waitForURL(/#fn_your-rights_1$/);
    expect(await page.locator("#fn_your-rights_1").innerText()).toContain("Using this right costs you nothing");
    await page.getByRole("link", { name: "Back to reference 2 to note 1 in the text" }).click();
    await page.waitForURL(/#fnref_your-rights_1_2$/);
    expect((await box(page, "#fnref_your-rights_1_2")).y).toBeLessThan(100);
    await context.close();
  });

  it("link a term's first use in a section to its definition on the page that defines it", async () => {
    const { context, page } = await reader.open(wide);
    await page.goto(reader.url("/what-we-collect/"));
    const uses = page.locator("a.term-ref", { hasText: /^personal data$/i });
    expect(await uses.count()).toBe(1);
    await uses.click();
    await page.waitForURL(/\/definitions\/#term_personal-data$/);
    expect(await page.locator("dfn#term_personal-data").innerText()).toBe("Personal data");
    await context.close();
  });

  it("list every term in Key terms on the whole policy, each linking to its definition", async () => {
    const { context, page } = await reader.open(wide);
    await page.goto(reader.url("/"));
    const keyTerms = page.getByRole("navigation", { name: "Key terms" }).locator(".key-terms__list a");
    expect(await keyTerms.allInnerTexts()).toEqual([
      "Controller",
      "Cookie",
      "Personal data",
      "Processing",
      "Service provider",
    ]);
    await keyTerms.filter({ hasText: "Processing" }).click();
    await page.waitForURL(/#term_processing$/);
    expect((await box(page, "#term_processing")).y).toBeLessThan(100);
    await context.close();
  });
});
