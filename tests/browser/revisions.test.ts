/**
 * The compare view and an archived version in a real browser: accessible in both colour schemes
 * at desktop and phone widths, and printed with their date banner (checked in the PDF itself).
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { type Served, serveDirectory } from "../../src/tools/static-server.ts";
import { checkA11y } from "../helpers/axe.ts";
import { openPage, type ReadingOptions } from "../helpers/reader.ts";
import { type BuiltSite, buildToTemp, fixtureContent, fixtureHistory } from "../helpers/site.ts";

const COMPARE = "history/2020-07-01/changes/";
const TWO_APART = "history/compare/2016-01-10...2020-07-01/";
const ARCHIVED = "history/2016-01-10/";
let site: BuiltSite;
let upcoming: BuiltSite;
let served: Served;
let servedUpcoming: Served;
let browser: Browser;

beforeAll(async () => {
  site = await buildToTemp({ contentDir: fixtureContent("revisions"), historyDir: fixtureHistory("revisions") });
  upcoming = await buildToTemp({
    contentDir: fixtureContent("upcoming-version"),
    historyDir: fixtureHistory("upcoming-version"),
    env: { POLICY_TODAY: "2027-02-28" },
  });
  served = await serveDirectory(site.outDir, { prefix: "/" });
  // With the site's own _headers, as a host serves it: the feed's media type comes from there.
  servedUpcoming = await serveDirectory(upcoming.outDir, {
    prefix: "/",
    headersFile: path.join(upcoming.outDir, "_headers"),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await servedUpcoming?.close();
  site?.cleanup();
  upcoming?.cleanup();
});

const open = (sitePath: string, options: ReadingOptions & { origin?: string } = {}): Promise<Page> =>
  openPage(browser, `${options.origin ?? served.url}${sitePath}`, options);

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

describe("any two versions compared in a browser", () => {
  it.each([
    ["light", 1280],
    ["dark", 1280],
    ["light", 320],
    ["dark", 320],
  ] as const)(
    "has no accessibility violations in %s mode at %i px, the compare form open",
    async (colorScheme, width) => {
      for (const sitePath of [TWO_APART, "history/compare/"]) {
        const page = await open(sitePath, { colorScheme, width });
        await page.locator("details.compare-versions[open], details.compare-versions > summary").first().click();
        await page.locator("form[data-compare-form] select[name=to]").waitFor();
        expect(await checkA11y(page), sitePath).toEqual([]);
        await page.context().close();
      }
    },
  );

  it("works without JavaScript: each version page links every pair, and the form leads to a list of them", async () => {
    const page = await open(ARCHIVED, { javaScript: false });
    await page.getByText("Compare two versions").click();
    await page.getByRole("link", { name: "1 July 2020" }).click();
    await page.waitForURL(`**/${TWO_APART}`);
    expect(await page.locator("h1").textContent()).toBe("Changes from 10 January 2016 to 1 July 2020");

    await page.goto(`${served.url}${ARCHIVED}`);
    await page.getByText("Compare two versions").click();
    await page.getByLabel("From the version of").selectOption("2018-05-25");
    await page.getByLabel("to the version of").selectOption("2020-07-01");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL("**/history/compare/?from=2018-05-25&to=2020-07-01");
    await page.getByRole("heading", { name: "From the version of 25 May 2018" }).waitFor();
    await page.getByRole("link", { name: "25 May 2018 to 1 July 2020 (current)" }).click();
    await page.waitForURL("**/history/compare/2018-05-25...2020-07-01/");
    await page.context().close();
  });

  it("goes straight to the pair with JavaScript, whichever way round the versions are chosen", async () => {
    const page = await open(ARCHIVED);
    await page.getByText("Compare two versions").click();
    await page.getByLabel("From the version of").selectOption("2020-07-01");
    await page.getByLabel("to the version of").selectOption("2016-01-10");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(`**/${TWO_APART}`);
    // An address with the choices, as the form sends them without the script, forwards too.
    await page.goto(`${served.url}history/compare/?from=2018-05-25&to=2016-01-10`);
    await page.waitForURL("**/history/compare/2016-01-10...2018-05-25/");
    await page.context().close();
  });

  it("prints the versions compared, every change in words, and no form", async () => {
    const page = await open(TWO_APART);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-version-banner]").isVisible()).toBe(true);
    expect(await page.locator(".compare-versions").isVisible()).toBe(false);
    expect(await page.locator(".diff-notes").first().isVisible()).toBe(true);
    const text = await pdfText(page);
    expect(text).toContain("Compares the versions of 10 January 2016 and 1 July 2020");
    expect(text).toContain("This compares two versions of the policy: the version of 10 January 2016 (replaced)");
    expect(text).toContain("[removed: may] share your information [added: only] with [added: trusted] partners.");
    expect(text).toContain("25 May 2018: We now share only with partners we have checked");
    expect(text).not.toContain("From the version of");
    await page.context().close();
  });
});

describe("a version announced ahead in a browser", () => {
  it("is announced on the main pages without an accessibility violation, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open("sharing/", { origin: servedUpcoming.url, colorScheme });
      expect(await page.locator("[data-upcoming-notice]").textContent()).toContain(
        "A new version takes effect on 1 March 2027.",
      );
      expect(await checkA11y(page)).toEqual([]);
      await page.context().close();
    }
  });

  it("is in the feed, which the browser reads as Atom, served as Atom", async () => {
    const page = await open("", { origin: servedUpcoming.url });
    const feed = await page.evaluate(async () => {
      const response = await fetch("history/feed.xml");
      const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
      const first = xml.querySelector("entry");
      return {
        type: response.headers.get("content-type"),
        errors: xml.getElementsByTagName("parsererror").length,
        namespace: xml.documentElement.namespaceURI,
        title: first?.querySelector("title")?.textContent,
        published: first?.querySelector("published")?.textContent,
      };
    });
    expect(feed).toEqual({
      type: "application/atom+xml; charset=utf-8",
      errors: 0,
      namespace: "http://www.w3.org/2005/Atom",
      title: "Announced: a new version takes effect on 1 March 2027",
      published: "2027-01-15T00:00:00Z",
    });
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
