import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkA11y, SCREEN_VIEWS } from "../helpers/axe.ts";
import { type Reader, startReader } from "../helpers/reader.ts";
import { builtPages } from "../helpers/sections.ts";

/** The kitchen-sink policy: every construct, a brand colour and logo, two versions. */
const pages = builtPages(inject("kitchenSinkDir"));
let reader: Reader;
beforeAll(async () => {
  reader = await startReader(inject("kitchenSinkDir"));
});
afterAll(() => reader?.close());

describe.each(SCREEN_VIEWS)(
  "axe (WCAG 2.2 AA) on the kitchen sink in $colorScheme at $width px",
  ({ colorScheme, width }) => {
    it.each(pages)("finds no violations on %s", async (path) => {
      const { context, page } = await reader.open({ colorScheme, viewport: { width, height: 800 } });
      await page.goto(reader.url(path));
      expect(await checkA11y(page)).toEqual([]);
      await context.close();
    });
  },
);

/** WCAG 1.4.12's spacing, as the W3C's text spacing bookmarklet applies it. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Elements that hide overflowing content and have some, apart from the visually hidden texts (meant to be 1 px). */
const clippedText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => !el.closest(".visually-hidden, .diff-cue"))
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = (value: string) => value === "hidden" || value === "clip";
        return (
          (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
          (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
        );
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );

const pageScrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("reflow and text spacing on the kitchen sink", () => {
  it.each(pages)("%s never scrolls sideways at 320 px, even with WCAG 1.4.12 text spacing", async (path) => {
    // bypassCSP lets the test add the spacing as a style element, as a reader's extension would.
    const { context, page } = await reader.open({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    await page.goto(reader.url(path));
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(320);
    await page.addStyleTag({ content: TEXT_SPACING });
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(320);
    expect(await clippedText(page)).toEqual([]);
    await context.close();
  });

  it.each(["/", "/cookies/"])("%s loses no text with text spacing at 1280 px, the contents beside it", async (path) => {
    const { context, page } = await reader.open({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await page.goto(reader.url(path));
    await page.addStyleTag({ content: TEXT_SPACING });
    expect(await clippedText(page)).toEqual([]);
    // The contents scrolls on its own when it grows taller than the window: every link reachable.
    const last = page.locator(".toc a").last();
    await last.focus();
    expect(await last.isVisible()).toBe(true);
    await context.close();
  });

  it("scrolls a wide table inside its own frame, which the keyboard can reach and which its caption names", async () => {
    const { context, page } = await reader.open({ viewport: { width: 320, height: 640 } });
    await page.goto(reader.url("/cookies/"));
    const frame = page.getByRole("group", {
      name: "Cookies the website sets, by name, with their purpose and lifetime",
    });
    const [scrollWidth, clientWidth] = await frame.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await frame.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});

describe("line length", () => {
  // “At most about 80 characters”: a full line averages well under 80, and even a line of narrow
  // letters stays near it (the exact count depends on the words and the reader's font).
  it.each(["/", "/what-we-collect/", "/your-rights/"])(
    "%s keeps lines of text to about 80 characters at 1280 px",
    async (path) => {
      const { context, page } = await reader.open({ viewport: { width: 1280, height: 800 } });
      await page.goto(reader.url(path));
      const lines = await page.evaluate(() => {
        const fullLines: string[] = [];
        for (const block of document.querySelectorAll("main :is(p, li, dd)")) {
          const byTop = new Map<number, string>();
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest(".visually-hidden, .print-header, table")) continue;
            const text = node.textContent ?? "";
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = range.getBoundingClientRect();
              if (rect.width === 0 && rect.height === 0) continue;
              const top = Math.round(rect.top);
              byTop.set(top, (byTop.get(top) ?? "") + text[i]);
            }
          }
          // A block's last line is as short as its words end; the others are full.
          fullLines.push(...[...byTop.values()].slice(0, -1).map((line) => line.trim()));
        }
        return fullLines;
      });
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), "");
      const average = lines.reduce((sum, line) => sum + line.length, 0) / lines.length;
      expect(lines.length).toBeGreaterThan(10);
      expect(average).toBeLessThanOrEqual(75);
      expect(longest.length, longest).toBeLessThanOrEqual(84);
      await context.close();
    },
  );
});
