import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticContent } from "../../scripts/bench/synthetic.ts";
import { type Reader, results, resultTitles, search, startReader } from "../helpers/reader.ts";
import { type BuiltSite, buildToTemp, realContentDir } from "../helpers/site.ts";

// Four copies of the real policy: "cookies" matches three sections in each, twelve in all.
let contentDir: string;
let built: BuiltSite;
let reader: Reader;
beforeAll(async () => {
  contentDir = mkdtempSync(path.join(tmpdir(), "search-paging-"));
  writeSyntheticContent(realContentDir, 28, contentDir);
  built = await buildToTemp({ contentDir });
  reader = await startReader(built.outDir);
});
afterAll(async () => {
  await reader?.close();
  built?.cleanup();
  rmSync(contentDir, { recursive: true, force: true });
});

describe("a search with many results", () => {
  it("shows ten at a time, loads the rest on request and moves focus to the first one added", async () => {
    const { page } = await reader.open();
    await search(page, reader.url("/search/"), "cookies");
    expect(await page.getByRole("status").innerText()).toBe("12 results for cookies");
    const firstTen = await resultTitles(page);
    expect(firstTen).toHaveLength(10);
    await results(page).getByRole("button", { name: "Show more results" }).click();
    await results(page).getByRole("heading", { level: 2 }).nth(11).waitFor();
    const all = await resultTitles(page);
    expect(all.slice(0, 10)).toEqual(firstTen);
    expect(new Set(all).size).toBe(12);
    expect(await results(page).getByRole("button").count()).toBe(0);
    const focusedHref = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    expect(focusedHref).toBe(
      await results(page).getByRole("heading", { level: 2 }).nth(10).getByRole("link").getAttribute("href"),
    );
  });
});
