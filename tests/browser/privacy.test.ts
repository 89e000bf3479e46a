import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Reader, search, startReader } from "../helpers/reader.ts";
import { allPages } from "../helpers/sections.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

/** Every request a page makes, and every console error or uncaught exception. */
function watch(page: Page) {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  return { requests, errors };
}

const journeys: Array<[name: string, run: (page: Page) => Promise<void>]> = [
  ...allPages().map((path): [string, (page: Page) => Promise<void>] => [
    `reading ${path}`,
    async (page) => void (await page.goto(reader.url(path))),
  ]),
  ["searching", (page) => search(page, reader.url("/search/"), "credit card")],
  [
    "landing from a search result",
    async (page) => {
      await page.goto(reader.url("/cookies/?highlight=cookies"));
      await page.locator("mark.pagefind-highlight").first().waitFor();
    },
  ],
];

describe("the site's own privacy", () => {
  it.each(journeys)(
    "keeps every request on its own origin, sets no cookie and logs no error when %s",
    async (_name, run) => {
      const { context, page } = await reader.open();
      const { requests, errors } = watch(page);
      await run(page);
      await page.waitForLoadState("networkidle");
      const origin = new URL(reader.url("/")).origin;
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe("");
      expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
