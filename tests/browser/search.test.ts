import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Reader,
  results,
  resultTitles,
  search,
  searchCount,
  searchNote,
  searchSettled,
  searchStatus,
  startReader,
} from "../helpers/reader.ts";
import { policy, sectionById } from "../helpers/sections.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase(),
      id: el?.id,
      text: el?.textContent?.trim(),
      href: el?.getAttribute("href"),
      cls: el?.className,
    };
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
    const clauseLink = results(page).locator('a[href*="#with-your-consent"]').first();
    expect(await clauseLink.getAttribute("href")).toBe("/sharing/?highlight=consent#with-your-consent");
    await clauseLink.click();
    await page.locator("mark.pagefind-highlight").first().waitFor();
    // Marked, the words leave the address bar: a link copied from it carries no search terms.
    await page.waitForURL(/\/sharing\/#with-your-consent$/);
    expect((await page.locator("mark.pagefind-highlight").allInnerTexts()).map((t) => t.toLowerCase())).toContain(
      "consent",
    );
    const heading = page.locator("#with-your-consent");
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    // Nothing (a sticky header, say) covers the heading where the reader looks.
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest("#with-your-consent") !== null,
      [box.x + 5, box.y + box.height / 2],
    );
    expect(onTop).toBe(true);
  });

  it("announces the number of results in a live region", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "cookies");
    const live = page.locator("[aria-live], [role=status]").filter({ hasText: /3 results for cookies/ });
    await live.first().waitFor({ state: "attached" });
    expect(await results(page).getByRole("heading", { level: 2 }).count()).toBe(3);
  });

  it("quotes only the policy in excerpts, never a section's search terms", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "do you track me");
    expect((await resultTitles(page))[0]).toBe(sectionById("cookies").title);
    const excerpts = await results(page).locator("li p").allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const text of excerpts) expect(text).not.toMatch(/track me|⁂/);
  });

  it("says when nothing matches and why, and offers every section instead", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "xyzzy");
    expect(await searchCount(page).innerText()).toBe("No results for xyzzy");
    expect(await searchNote(page).innerText()).toBe("Not in the policy: xyzzy.");
    expect(await results(page).locator(".search-result").count()).toBe(0);
    const sections = results(page).getByRole("list").last().getByRole("link");
    expect(await sections.allInnerTexts()).toEqual(policy.sections.map((section) => section.title));
  });

  it("searches as the reader types, and says each settled query's count once", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/search/"));
    const said: string[] = [];
    await page.exposeFunction("reportStatus", (text: string) => said.push(text));
    await searchStatus(page).evaluate((status) => {
      const report = (window as unknown as { reportStatus(text: string): void }).reportStatus;
      // Each change on its own, even several in one task (a clear, then the new words).
      const changes = (records: MutationRecord[]) => {
        for (const r of records) {
          report(
            r.type === "characterData"
              ? (r.target.textContent ?? "")
              : [...r.addedNodes].map((n) => n.textContent).join(" "),
          );
        }
      };
      new MutationObserver(changes).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#search-input").fill("password");
    await searchSettled(page, "password");
    expect((await resultTitles(page))[0]).toBe(sectionById("security").title);
    await page.locator("#search-input").fill("xyzzy");
    await searchSettled(page, "xyzzy");
    expect(said).toEqual(["1 result for password", "No results for xyzzy Not in the policy: xyzzy."]);
  });

  it("searches on submit without leaving the page, and puts the query in the address to share", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/search/"));
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    await page.locator("#search-input").fill("credit card");
    await page.locator("#search-input").press("Enter");
    await page.waitForURL(/\/search\/\?q=credit\+card$/);
    await searchSettled(page, "credit card");
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect((await resultTitles(page))[0]).toBe(sectionById("security").title);
    // The shared address runs the same search for whoever opens it.
    const { page: other } = await reader.open();
    await other.goto(page.url());
    await searchSettled(other, "credit card");
    expect(await other.locator("#search-input").inputValue()).toBe("credit card");
    expect(await resultTitles(other)).toEqual(await resultTitles(page));
  });

  it("never lets an earlier, slower query replace the results of a later one", async () => {
    const { page } = await reader.open();
    // The first query's result records are held back until the second query has shown its results.
    // Awaited as an event, not polled: a busy machine may take any time to ask for them.
    const held: Route[] = [];
    let holding = true;
    let heldAll!: () => void;
    const allHeld = new Promise<void>((resolve) => {
      heldAll = resolve;
    });
    await page.route("**/*.pf_fragment", async (route) => {
      if (!holding) return route.continue();
      held.push(route);
      if (held.length === 3) heldAll();
    });
    await page.goto(reader.url("/search/?q=cookies"));
    await allHeld;
    holding = false;
    await page.locator("#search-input").fill("credit card");
    await page.locator("#search-input").press("Enter");
    await searchSettled(page, "credit card");
    await Promise.all(held.map((route) => route.continue()));
    // Loads the same records through the page's own Pagefind: their replies come after the first
    // query's, so when this returns the first query has finished, and would have been shown.
    // (A string: the test runner would rewrite an import() written as code.)
    await page.evaluate(`import("/pagefind/pagefind.js").then(async (pagefind) => {
      const { results } = await pagefind.search("cookies");
      await Promise.all(results.map((result) => result.data()));
    })`);
    expect(await searchStatus(page).innerText()).toBe("2 results for credit card");
    expect((await resultTitles(page))[0]).toBe(sectionById("security").title);
  });

  it("loads Pagefind's search API and none of its UI bundles", async () => {
    const { page } = await reader.open();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await search(page, reader.url("/search/"), "cookies");
    await page.waitForLoadState("networkidle");
    expect(requested).toContain("/pagefind/pagefind.js");
    expect(requested.filter((p) => /pagefind-(component-|modular-)?ui\./.test(p))).toEqual([]);
  });

  it("runs the query sent from the header search field of any page", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/security/"));
    await page.locator("#site-search-input").fill("password");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=password$/);
    await searchSettled(page, "password");
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
    expect(seen).toContainEqual(
      expect.objectContaining({ tag: "a", href: `#${sectionById("information-we-gather").id}` }),
    );
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

  it("focuses the search page's own field with the shortcut there", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/search/"));
    await page.keyboard.press("Control+k");
    expect(await focused(page)).toMatchObject({ tag: "input", id: "search-input" });
  });

  it("moves through results with the arrow keys and opens one with Enter", async () => {
    const { page } = await reader.open();
    await page.goto(reader.url("/search/"));
    await page.keyboard.press("/");
    await page.keyboard.type("credit card");
    await searchSettled(page, "credit card");
    const links = await results(page)
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(2);
    await page.keyboard.press("ArrowDown");
    const first = await focused(page);
    expect(first).toMatchObject({ tag: "a", href: links[0] });
    expect(first.href).toContain("/security/");
    // Every result link, the sections' and their clauses', in order.
    const seen = [first.href];
    for (let i = 1; i < links.length; i++) {
      await page.keyboard.press("ArrowDown");
      seen.push((await focused(page)).href);
    }
    expect(seen).toEqual(links);
    for (let i = 1; i < links.length; i++) await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toMatchObject({ href: first.href });
    await page.keyboard.press("Enter");
    await page.locator("mark.pagefind-highlight").first().waitFor();
    await page.waitForURL(/\/security\/$/);
    expect(await page.locator("h1").innerText()).toBe(`4 ${sectionById("security").title}`);
  });

  it("goes back to the field with ArrowUp from the first result", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "cookies");
    await page.locator("#search-input").focus();
    await page.keyboard.press("ArrowDown");
    expect((await focused(page)).tag).toBe("a");
    await page.keyboard.press("ArrowUp");
    expect(await focused(page)).toMatchObject({ tag: "input", id: "search-input" });
  });
});
