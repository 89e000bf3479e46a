import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/tools/chromium.ts";
import { checkA11y } from "../helpers/axe.ts";
import { printedProblems } from "../helpers/npm.ts";
import { liveReloadConnected, type NpmStart, reloadAfter, startNpmStart } from "../helpers/npm-start.ts";
import { resultTitles, search } from "../helpers/reader.ts";

// One `npm start` for the file, on a copy of the real content; each test leaves the copy as it found it.
let dev: NpmStart;
let browser: Browser;
beforeAll(async () => {
  [dev, browser] = await Promise.all([startNpmStart(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await dev?.stop();
});

const file = (name: string): string => path.join(dev.contentDir, name);
const read = (name: string): string => readFileSync(file(name), "utf8");
const write = (name: string, text: string) => () => writeFileSync(file(name), text);

/**
 * Every console error and uncaught exception of a page: a blocked script or a CSP violation shows
 * here. Chromium's note on the page's own status (the 404 page, the error page's 500) is not one.
 */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    const ownStatus = message.text().startsWith("Failed to load resource") && message.location().url === page.url();
    if (message.type() === "error" && !ownStatus) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** A tab on `sitePath` whose live reload is connected; returns its HTTP status too. */
async function openLive(context: BrowserContext, sitePath: string) {
  const page = await context.newPage();
  const errors = consoleErrors(page);
  const connected = liveReloadConnected(page);
  const response = await page.goto(dev.url(sitePath));
  await connected;
  return { page, errors, status: response!.status(), headers: response!.headers() };
}

/** Waits for the build that follows `change` to finish, reading the server's own line. */
async function built(change: () => void, line = /^Built /): Promise<string> {
  const printed = dev.nextLine(line);
  change();
  return printed;
}

const status = async (sitePath: string): Promise<number> => (await fetch(dev.url(sitePath))).status;
/** The page's `h1`, less a section page's number ("2 What About Cookies?" → "What About Cookies?"). */
const h1 = async (page: Page): Promise<string> =>
  (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^\d+\s+/, "");

describe("npm start", () => {
  it("serves pages and the 404 page under the production CSP, with live reload and no console error", async () => {
    const context = await browser.newContext();
    const section = await openLive(context, "/cookies/");
    const missing = await openLive(context, "/no-such-page/");
    expect([section.status, missing.status]).toEqual([200, 404]);
    expect(section.headers["content-security-policy"]).toMatch(/^default-src 'self'; script-src 'self'/);
    expect(missing.headers["content-security-policy"]).toBe(section.headers["content-security-policy"]);
    expect(await h1(missing.page)).toMatch(/not found/i);
    // The 404 page reloads with the site, as every page does.
    const cookies = read("02-cookies.md");
    await reloadAfter(
      missing.page,
      write("02-cookies.md", `${cookies}\nA sentence added while the 404 page was open.\n`),
    );
    await built(write("02-cookies.md", cookies));
    expect([...section.errors, ...missing.errors]).toEqual([]);
    await context.close();
  });

  it("shows the build's problems in every open tab after a bad save, and the site again after the fix", async () => {
    const context = await browser.newContext();
    const tabs = [await openLive(context, "/cookies/"), await openLive(context, "/")];
    const cookies = read("02-cookies.md");
    const sharing = read("03-sharing.md");
    const printed = dev.output().length;
    const failed = dev.nextLine(/^Build failed: /);
    // Two files broken in one save (one build): both problems, at once.
    const breakBoth = (): void => {
      write("02-cookies.md", `${cookies}\n[a link](javascript:alert(1))\n`)();
      write("03-sharing.md", `${sharing}\n#### A Heading Without Its Id\n`)();
    };
    await Promise.all(tabs.map(({ page }, index) => reloadAfter(page, index === 0 ? breakBoth : () => {})));
    // The terminal's lines, word for word, and no stack trace.
    expect(await failed).toBe("Build failed: 2 problems in the content:");
    const terminal = printedProblems(dev.output().slice(printed));
    expect(terminal.map((p) => `${p.file}:${p.line}`)).toEqual([
      expect.stringMatching(/02-cookies\.md:\d+$/),
      expect.stringMatching(/03-sharing\.md:\d+$/),
    ]);
    expect(dev.output().slice(printed)).not.toMatch(/^\s+at /m);
    for (const { page } of tabs) {
      expect(await page.title()).toBe("Build failed: 2 problems in the content");
      expect(await h1(page)).toBe("The site could not be built");
      const items = page.getByRole("listitem");
      expect(await items.count()).toBe(2);
      for (const [index, { file, line, problem, hint }] of terminal.entries()) {
        expect(await items.nth(index).locator("p").first().innerText()).toBe(`${file}:${line}: ${problem}`);
        expect(await items.nth(index).locator(".fix").textContent()).toBe(`→ Fix: ${hint}`);
      }
    }
    expect([await status("/sharing/"), await status("/no-such-page/")]).toEqual([500, 500]);
    const fixBoth = (): void => {
      write("02-cookies.md", cookies)();
      write("03-sharing.md", sharing)();
    };
    await Promise.all(tabs.map(({ page }, index) => reloadAfter(page, index === 0 ? fixBoth : () => {})));
    expect(await h1(tabs[0].page)).toBe("What About Cookies?");
    expect(await tabs[1].page.title()).toBe("audioMIDI.com Privacy Policy");
    expect(tabs.flatMap((tab) => tab.errors)).toEqual([]);
    await context.close();
  });

  it("shows an error page that is accessible in light and dark, at 1280 and 320 px", async () => {
    const policy = read("01-information-we-gather.md");
    await built(write("01-information-we-gather.md", "no front matter"), /^Build failed: /);
    try {
      for (const colorScheme of ["light", "dark"] as const) {
        for (const width of [1280, 320]) {
          const context = await browser.newContext({ colorScheme, viewport: { width, height: 800 } });
          const page = await context.newPage();
          await page.goto(dev.url("/"));
          expect(await h1(page)).toBe("The site could not be built");
          expect(await checkA11y(page)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          await context.close();
        }
      }
    } finally {
      await built(write("01-information-we-gather.md", policy));
    }
  });

  it("builds a section added and one deleted into every page, its neighbours and search", async () => {
    const context = await browser.newContext();
    const added = "08-childrens-privacy.md";
    const text =
      "---\nid: childrens-privacy\norder: 8\ntitle: Children's Privacy\n---\n\nWe do not knowingly collect information from quokkas.\n";
    await built(write(added, text));
    const { page } = await openLive(context, "/childrens-privacy/");
    expect(await h1(page)).toBe("Children's Privacy");
    const terms = await context.newPage();
    await terms.goto(dev.url("/terms/"));
    expect(await terms.locator('a[rel="next"]').getAttribute("href")).toBe("/childrens-privacy/");
    await search(terms, dev.url("/search/"), "quokkas");
    expect(await resultTitles(terms)).toEqual(["Children's Privacy"]);

    await reloadAfter(page, () => rmSync(file(added)));
    expect(await h1(page)).toMatch(/not found/i);
    expect(await status("/childrens-privacy/")).toBe(404);
    expect(readFileSync(path.join(dev.outDir, "index.html"), "utf8")).not.toContain("Children's Privacy");
    await terms.goto(dev.url("/terms/"));
    expect(await terms.locator('a[rel="next"]').count()).toBe(0);
    await search(terms, dev.url("/search/"), "quokkas");
    expect(await resultTitles(terms)).toEqual([]);
    await context.close();
  });

  it("keeps a renamed section file's page", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openLive(context, "/cookies/");
    const before = await page.locator("main").innerText();
    await reloadAfter(page, () => renameSync(file("02-cookies.md"), file("02-what-about-cookies.md")));
    expect(await page.locator("main").innerText()).toBe(before);
    await built(() => renameSync(file("02-what-about-cookies.md"), file("02-cookies.md")));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("builds again when site.json, the version lock or history/ change", async () => {
    const context = await browser.newContext();
    const { page } = await openLive(context, "/");
    const site = read("site.json");
    await reloadAfter(page, write("site.json", site.replace('"policyName": "audioMIDI.com', '"policyName": "Renamed')));
    expect(await page.title()).toBe("Renamed Privacy Policy");
    await reloadAfter(page, write("site.json", site));

    // The version lock records a clause id this section no longer has, as a pull might bring it.
    const lock = read("version-lock.json");
    const locked = JSON.parse(lock);
    locked.versions["2014-04-08"].sections.cookies.clauseIds.push("refusing-cookies");
    await reloadAfter(page, write("version-lock.json", JSON.stringify(locked, null, 2)));
    expect(await page.getByRole("listitem").first().innerText()).toMatch(
      /02-cookies\.md:.*`refusing-cookies` was published/s,
    );
    await reloadAfter(page, write("version-lock.json", lock));
    expect(await page.title()).toBe("audioMIDI.com Privacy Policy");

    // Made beside it and moved in whole, as a checkout brings it: one change, so one build.
    const made = `${dev.historyDir}-made`;
    const version = path.join(made, "2013-01-01");
    cpSync(dev.contentDir, version, { recursive: true, filter: (from) => !from.endsWith(".json") });
    writeFileSync(
      path.join(version, "version.json"),
      '{ "effectiveDate": "2013-01-01", "summary": "An older version." }',
    );
    await built(() => renameSync(made, dev.historyDir));
    expect(await status("/history/2013-01-01/")).toBe(200);
    await built(() => rmSync(dev.historyDir, { recursive: true }));
    expect(await status("/history/2013-01-01/")).toBe(404);
    await context.close();
  });
});
