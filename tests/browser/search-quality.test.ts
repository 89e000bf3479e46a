import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Reader, resultTitles, search, startReader } from "../helpers/reader.ts";
import { sectionById } from "../helpers/sections.ts";

/**
 * Questions readers really type, and the section a careful reader would want first.
 * Misses are fixed with signals in the content (headings, searchTerms in front matter),
 * never by special-casing a query.
 */
const questions: Array<[query: string, sectionId: string]> = [
  ["cookies", "cookies"],
  ["credit card", "security"],
  ["who do you share my data with", "sharing"],
  ["turn off cookies", "cookies"],
  ["disable cookies", "cookies"],
  ["do you track me", "cookies"],
  ["shopping cart", "cookies"],
  ["SSL", "security"],
  ["password", "security"],
  ["encryption", "security"],
  ["is my data secure", "security"],
  ["sell my information", "sharing"],
  ["third parties", "sharing"],
  ["selling the company", "sharing"],
  ["law enforcement", "sharing"],
  ["fraud", "sharing"],
  // The email address readers give us (1.a) comes before the e-mail service providers send (3.b), second.
  ["email", "information-we-gather"],
  ["update my details", "choices"],
  ["opt out", "choices"],
  ["what do you collect", "information-we-gather"],
  ["access my information", "access"],
  ["terms of use", "terms"],
  ["policy changes", "terms"],
  ["disputes", "terms"],
];

let reader: Reader;
let page: Page;
beforeAll(async () => {
  reader = await startReader();
  ({ page } = await reader.open());
});
afterAll(() => reader?.close());

describe("search quality", () => {
  it.each(questions)("ranks the right section first for “%s”", async (query, sectionId) => {
    await search(page, reader.url("/search/"), query);
    expect((await resultTitles(page))[0]).toBe(sectionById(sectionId).title);
  });
});
