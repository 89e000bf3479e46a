/**
 * The compare view and an archived version in a real browser: accessible in both colour schemes
 * at desktop and phone widths, and printed with their date banner (checked in the PDF itself).
 */
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { type Served, serveDirectory } from "../../src/tools/static-server.ts";
import { checkA11y } from "../helpers/axe.ts";
import { type BuiltSite, buildToTemp, fixtureContent, fixtureHistory } from "../helpers/site.ts";

const COMPARE = "history/2020-07-01/changes/";
const ARCHIVED = "history/2016-01-10/";
let site: BuiltSite;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  site = await buildToTemp({ contentDir: fixtureContent("revisions"), historyDir: fixtureHistory("revisions") });
  served = await serveDirectory(site.outDir, { prefix: "/" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  site?.cleanup();
});

async function open(path: string, options: { colorScheme?: "light" | "dark"; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`${served.url}${path}`);
  return page;
}

/** The rendered width of the first "[removed: " cue. */
const cueWidth = async (page: Page): Promise<number> =>
  (await page.locator("del .diff-cue").first().boundingBox())!.width;

async function pdfText(page: Page): Promise<string> {
  const pdf = await page.pdf({ format: "A4" });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the compare view in a browser", () => {
  it.each([
    ["light", 1280],
    ["dark", 1280],
    ["light", 320],
    ["dark", 320],
  ] as const)("has no accessibility violations in %s mode at %i px", async (colorScheme, width) => {
    const page = await open(COMPARE, { colorScheme, width });
    expect(await checkA11y(page)).toEqual([]);
    await page.context().close();
  });

  it("shows changes with marks on screen and keeps their words for screen readers", async () => {
    const page = await open(COMPARE);
    const removed = page.locator("#sharing ~ p del").first();
    expect(await removed.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("line-through");
    expect(
      await page
        .locator("ins")
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe("underline");
    // Hidden from sight (a 1 px clip) but part of the accessible text.
    expect(await cueWidth(page)).toBeLessThanOrEqual(1);
    const tree = await page.locator("#sharing ~ p.diff-block").first().ariaSnapshot();
    expect(tree).toMatch(
      /- deletion: "\[removed: may ?\]"\n.*- text: share your information\n.*- insertion: "\[added: only ?\]"/,
    );
    await page.context().close();
  });

  it("prints its date banner and the changes in words, without the site's chrome", async () => {
    const page = await open(COMPARE);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-version-banner]").isVisible()).toBe(true);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".site-footer").isVisible()).toBe(false);
    expect(await cueWidth(page)).toBeGreaterThan(10);
    const text = await pdfText(page);
    expect(text).toContain("This is the current version of the policy, effective 1 July 2020.");
    expect(text).toContain("We [removed: may] share your information [added: only] with trusted partners.");
    expect(text).not.toContain("Search the policy");
    await page.context().close();
  });
});

describe("an archived version in a browser", () => {
  it("has no accessibility violations", async () => {
    const page = await open(ARCHIVED);
    expect(await checkA11y(page)).toEqual([]);
    await page.context().close();
  });

  it("prints the banner saying it is not the current policy", async () => {
    const page = await open(ARCHIVED);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-version-banner]").isVisible()).toBe(true);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    const text = await pdfText(page);
    expect(text).toContain(
      "This is not the current policy. This version took effect on 10 January 2016 and was replaced on 25 May 2018.",
    );
    expect(text).toContain("Effective 10 January 2016");
    await page.context().close();
  });
});

describe("the history page in a browser", () => {
  it("has no accessibility violations", async () => {
    const page = await open("history/");
    expect(await checkA11y(page)).toEqual([]);
    await page.context().close();
  });
});
