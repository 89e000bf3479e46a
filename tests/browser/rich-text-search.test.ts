import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Reader, results, resultTitles, search, searchCount, startReader } from "../helpers/reader.ts";

/** Searching the kitchen-sink policy: excerpts quote its text, never the site's own words around it. */
let reader: Reader;
beforeAll(async () => {
  reader = await startReader(inject("kitchenSinkDir"));
});
afterAll(() => reader?.close());

async function excerptsFor(query: string): Promise<string[]> {
  const { context, page } = await reader.open();
  await search(page, reader.url("/search/"), query);
  const excerpts = await results(page).locator(".search-result__excerpt").allInnerTexts();
  await context.close();
  return excerpts;
}

describe("searching notes, tables, terms and summaries", () => {
  it.each(["invoices", "unsubscribe", "consent", "erasing"])(
    "quotes the text for “%s”, without note numbers, back-links, callout labels or summaries",
    async (query) => {
      const excerpts = await excerptsFor(query);
      expect(excerpts.length).toBeGreaterThan(0);
      for (const excerpt of excerpts) {
        expect(excerpt).not.toMatch(
          /Back to|↩|Note \d|Summary|not part of the policy|Permalink|^(Warning|Important|Tip|Caution)\b/,
        );
        expect(excerpt).not.toMatch(/[a-z]\d\b/);
      }
    },
  );

  it("finds a term's definition first", async () => {
    const { context, page } = await reader.open();
    await search(page, reader.url("/search/"), "controller");
    expect((await resultTitles(page))[0]).toBe("Words With a Special Meaning");
    await context.close();
  });

  it("leaves summaries out of the index: they are not the policy", async () => {
    const { context, page } = await reader.open();
    await search(page, reader.url("/search/"), "narrow");
    expect(await searchCount(page).innerText()).toBe("No results for narrow");
    await context.close();
  });
});
