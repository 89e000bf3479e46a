import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y } from "../helpers/axe.ts";
import { layoutShiftSoFar, watchLayoutShift } from "../helpers/layout-shift.ts";
import { type Reader, searchSettled, startReader } from "../helpers/reader.ts";

/**
 * Every state of the search page, on a desktop and a phone: nothing on screen moves as it loads
 * and answers (cumulative layout shift under 0.01, where Lighthouse counts 0.1 as good), and axe
 * finds nothing, in light and dark.
 */
let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

const states: Array<[state: string, query: string]> = [
  ["the empty page", ""],
  ["results from a shared address", "cookies"],
  ["a question in a reader's words", "can i get a copy of everything you hold about me"],
  ["sections holding most of the words", "merger encryption password"],
  ["no results", "kookiez"],
];

const views: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true },
};

/** Opens the search page in a state and waits until it has settled: answered, or ready to type into. */
async function openState(page: Page, query: string): Promise<void> {
  await page.goto(reader.url(query ? `/search/?q=${encodeURIComponent(query)}` : "/search/"));
  if (query) await searchSettled(page, query);
  else await page.locator("#search-hint:not(.search-form__hint--waiting)").waitFor();
}

describe.each(Object.entries(views))("the search page on a %s", (_, view) => {
  it.each(states)("does not move as it shows %s", async (_state, query) => {
    const { context, page } = await reader.open(view);
    await watchLayoutShift(context);
    await openState(page, query);
    expect(await layoutShiftSoFar(page)).toBeLessThan(0.01);
    await context.close();
  });

  it("does not move as results for one query give way to another's", async () => {
    const { context, page } = await reader.open(view);
    await watchLayoutShift(context);
    await openState(page, "cookies");
    // Set as a shared link would: no keystroke, so every shift counts.
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>("[data-search-form]")!;
      form.querySelector<HTMLInputElement>("#search-input")!.value = "xyzzy";
      form.requestSubmit();
    });
    await searchSettled(page, "xyzzy");
    expect(await layoutShiftSoFar(page)).toBeLessThan(0.01);
    await context.close();
  });
});

describe.each([
  { colorScheme: "light", width: 1280 },
  { colorScheme: "dark", width: 320 },
] as const)("axe (WCAG 2.2 AA) on the search page in $colorScheme at $width px", ({ colorScheme, width }) => {
  it.each(states)("finds no violations in %s", async (_state, query) => {
    const { context, page } = await reader.open({ colorScheme, viewport: { width, height: 800 } });
    await openState(page, query);
    expect(await checkA11y(page)).toEqual([]);
    await context.close();
  });
});
