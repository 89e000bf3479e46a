import type { Browser, Page } from "playwright-core";
import { recordFetches } from "./record.ts";
import { type Fetched, type ResourceKind, type Transfer, totalsByKind } from "./transfer.ts";

export interface QueryTransfer {
  query: string;
  results: string;
  requests: number;
  total: Transfer;
  byKind: Partial<Record<ResourceKind, Transfer>>;
}

export interface SearchTransfer {
  site: string;
  first: QueryTransfer;
  second: QueryTransfer;
}

function summarizeQuery(query: string, results: string, fetched: Fetched[]): QueryTransfer {
  const { all, requests, ...byKind } = totalsByKind(fetched);
  return { query, results, requests, total: all, byKind };
}

const summaryText = (page: Page): Promise<string> => page.getByRole("status").innerText();

/** Waits until the search page's summary names the query (its results are shown) and the network is quiet. */
async function waitForResults(page: Page, query: string): Promise<string> {
  await page.waitForFunction(
    (words) => {
      const text = document.querySelector("[role=status]")?.textContent ?? "";
      return /result/.test(text) && words.every((word) => text.includes(word));
    },
    query.split(/\s+/),
    { timeout: 30_000 },
  );
  await page.waitForLoadState("networkidle");
  return (await summaryText(page)).trim();
}

/**
 * The search page opened with a first query (as the header's search form sends it), from an
 * empty cache; then a second query typed into the page's field. Each counts what it fetched.
 */
export async function measureSearch(
  browser: Browser,
  siteUrl: string,
  site: string,
  queries: [string, string],
): Promise<SearchTransfer> {
  const context = await browser.newContext();
  try {
    const recorder = recordFetches(context);
    const page = await context.newPage();
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(queries[0])}`);
    const firstResults = await waitForResults(page, queries[0]);
    const first = summarizeQuery(queries[0], firstResults, await recorder.take());
    await page.locator("#search-input").fill(queries[1]);
    const secondResults = await waitForResults(page, queries[1]);
    const second = summarizeQuery(queries[1], secondResults, await recorder.take());
    return { site, first, second };
  } finally {
    await context.close();
  }
}
