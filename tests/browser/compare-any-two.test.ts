/**
 * A pair of versions the site does not build ahead, compared in a real browser: reached at its own
 * address (the host's 404 page forwards it) and from the compare form, drawn from the versions'
 * data under a path prefix, accessible, printed, without layout shift; and what a reader without
 * JavaScript gets instead. tests/fixtures/four-versions: 2019, 2020, 2021 and the current 2022;
 * 2019 to 2021 is not built ahead.
 */
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { type Served, serveDirectory } from "../../src/tools/static-server.ts";
import { checkA11y } from "../helpers/axe.ts";
import { layoutShiftSoFar, watchLayoutShift } from "../helpers/layout-shift.ts";
import { openPage, type ReadingOptions } from "../helpers/reader.ts";
import { type BuiltSite, buildToTemp, fixtureContent, fixtureHistory } from "../helpers/site.ts";

const PREFIX = "/privacy/";
const DRAWN = "history/compare/?from=2019-01-01&to=2021-01-01";
const HEADING = "Changes from 1 January 2019 to 1 January 2021";
let site: BuiltSite;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  site = await buildToTemp({
    contentDir: fixtureContent("four-versions"),
    historyDir: fixtureHistory("four-versions"),
    env: { PATH_PREFIX: PREFIX },
    validateHtml: false,
  });
  served = await serveDirectory(site.outDir, { prefix: PREFIX });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  site?.cleanup();
});

const open = (sitePath: string, options: ReadingOptions = {}): Promise<Page> =>
  openPage(browser, `${served.url}${sitePath}`, options);

const drawn = (page: Page) => page.getByRole("heading", { level: 1, name: HEADING }).waitFor();

describe("a pair not built ahead, with JavaScript", () => {
  it("is drawn at the address of its compare view, chosen in the form, forwarded by the 404 page, its links under the prefix", async () => {
    const page = await open("history/2021-01-01/");
    await page.getByText("Compare two versions").click();
    await page.getByLabel("From the version of").selectOption("2021-01-01");
    await page.getByLabel("to the version of").selectOption("2019-01-01");
    await page.getByRole("button", { name: "Compare" }).click();
    // The form goes to /history/compare/2019-01-01...2021-01-01/, which only the 404 page answers.
    await page.waitForURL(`**${PREFIX}${DRAWN}`);
    await drawn(page);
    expect(await page.title()).toBe(`${HEADING} – audioMIDI.com Privacy Policy`);
    expect(await page.locator("[data-version-banner]").innerText()).toContain(
      "the version of 1 January 2019 (replaced) with the version of 1 January 2021 (replaced)",
    );
    expect(await page.locator("#sharing ~ p del").first().textContent()).toBe("[removed: may]");
    expect(await page.locator("#sharing").locator("..").locator(".diff-notes li").allInnerTexts()).toEqual([
      "1 January 2020: Readers asked who we share with.",
      "1 January 2021: Readers asked what happens if the shop is sold.",
    ]);
    const read = page
      .locator("#sharing")
      .locator("..")
      .getByRole("link", { name: /^Read it in the version of 1 January 2021/ });
    expect(await read.getAttribute("href")).toBe(`${PREFIX}history/2021-01-01/#sharing`);
    expect(await page.locator(".diff-unchanged summary").innerText()).toBe("1 section unchanged");
    await page.context().close();
  });

  it("is drawn from the address the form sends, either way round, without layout shift or a console error", async () => {
    // A tall window, in which the list it replaces ends, and the footer starts, in view.
    const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
    await watchLayoutShift(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${served.url}history/compare/?from=2021-01-01&to=2019-01-01`);
    await drawn(page);
    expect(await layoutShiftSoFar(page)).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("has no accessibility violations, in dark mode at 320 px with the form open", async () => {
    const page = await open(DRAWN, { colorScheme: "dark", width: 320 });
    await drawn(page);
    await page.locator("details.compare-versions > summary").click();
    expect(await checkA11y(page)).toEqual([]);
    await page.context().close();
  });

  it("prints the versions compared and every change in words, without the form", async () => {
    const page = await open(DRAWN);
    await drawn(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".compare-versions").isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4" });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const printed = text.replace(/\s+/g, " ");
    expect(printed).toContain("Changes from the version of 1 January 2019 to the version of 1 January 2021");
    expect(printed).toContain("Compares the versions of 1 January 2019 and 1 January 2021");
    // In the header of page 1 and the footer of each of the two pages (where a long address wraps).
    const address = `https://privacy.audiomidi.com${PREFIX}history/compare/?from=2019-01-01&to=2021-01-01`;
    expect(printed.replace(/ /g, "").split(address).length - 1, printed).toBe(3);
    expect(printed).not.toContain("Effective 1 January 2022");
    expect(printed).toContain(
      "We [removed: may] share your information [added: only] with partners [added: we have checked].",
    );
    expect(printed).not.toContain("From the version of");
    await page.context().close();
  });
});

describe("a pair not built ahead, without JavaScript", () => {
  it("leads from the form to the pairs built ahead, saying the others need JavaScript", async () => {
    const page = await open("history/2021-01-01/", { javaScript: false });
    await page.getByText("Compare two versions").click();
    await page.getByLabel("From the version of").selectOption("2019-01-01");
    await page.getByLabel("to the version of").selectOption("2021-01-01");
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(`**${PREFIX}${DRAWN}`);
    await page.getByText("Any other two versions chosen above are compared in your browser").waitFor();
    await page.getByRole("link", { name: "1 January 2019 to 1 January 2022 (current)" }).click();
    await page.getByRole("heading", { level: 1, name: "Changes from 1 January 2019 to 1 January 2022" }).waitFor();
    await page.context().close();
  });
});
