import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSiteJson } from "../../src/content/site-json.ts";
import { readSiteOptions } from "../../src/options.ts";
import { pdfPages } from "../helpers/pdf.ts";
import { type Reader, startReader } from "../helpers/reader.ts";
import { policy, sectionById } from "../helpers/sections.ts";
import { realContentDir } from "../helpers/site.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

const sharing = sectionById("sharing");
const site = readSiteJson(realContentDir, readSiteOptions({}));
const chrome = [
  "header.site-header",
  "footer.site-footer",
  "nav.breadcrumb",
  "nav.pager",
  ".skip-link",
  "form[role=search]",
];
const visible = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll(
      (els) =>
        els.filter(
          (el) =>
            (el as HTMLElement).offsetParent !== null ||
            (getComputedStyle(el).display !== "none" && el.getClientRects().length > 0),
        ).length,
    );

async function openPrinted(path: string, colorScheme: "light" | "dark" = "light") {
  const { page } = await reader.open({ colorScheme });
  // Printing is simulated: window.print() is recorded, and print media is emulated.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.goto(reader.url(path));
  return page;
}

describe("printing a section page", () => {
  it("hides the site's chrome and shows which policy, section, date and address", async () => {
    const page = await openPrinted(sharing.url);
    await page.emulateMedia({ media: "print" });
    for (const selector of chrome) expect(await visible(page, selector), selector).toBe(0);
    expect(await visible(page, "a.permalink")).toBe(0);
    const header = await page.locator(".print-header").innerText();
    expect(header).toContain("audioMIDI.com Privacy Policy");
    expect(header).toContain(sharing.title);
    expect(header).toContain("8 April 2014");
    expect(header).toContain("https://privacy.audiomidi.com/sharing/");
    // Legal text on paper says where it comes from, as the footer does on screen.
    expect(header).toContain(
      `Text archived 8 April 2014 from ${site.provenance.sourceUrl}; snapshot: ${site.provenance.snapshotUrl}`,
    );
    await page.emulateMedia({ media: "screen" });
    expect(await visible(page, ".print-header")).toBe(0);
  });

  it("prints black on white even in dark mode and keeps headings with what follows", async () => {
    const page = await openPrinted("/security/", "dark");
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    const style = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const h2 = document.querySelector("main h1")!;
      return {
        color: body.color,
        background: body.backgroundColor,
        breakAfter: getComputedStyle(h2).breakAfter,
        paragraphOrphans: getComputedStyle(document.querySelector("main p")!).orphans,
      };
    });
    expect(style).toMatchObject({
      color: "rgb(0, 0, 0)",
      background: "rgb(255, 255, 255)",
      breakAfter: "avoid",
      paragraphOrphans: "3",
    });
  });

  it("writes the URL after an external link in the policy text", async () => {
    const page = await openPrinted("/");
    await page.evaluate(() => {
      // The policy text has no external link of its own; add one as an author would.
      const p = document.querySelector("main .policy-section p")!;
      p.insertAdjacentHTML("beforeend", ' <a href="https://example.org/help">help</a>');
    });
    await page.emulateMedia({ media: "print" });
    const after = await page
      .locator('a[href="https://example.org/help"]')
      .evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toBe('" (https://example.org/help)"');
  });

  it("makes a PDF with the section's clauses and none of the navigation", async () => {
    const page = await openPrinted(sharing.url);
    const text = (await pdfPages(await page.pdf({ format: "A4" }))).join(" ");
    expect(text).toContain(sharing.title);
    for (const clause of sharing.clauses) expect(text).toContain(clause.text);
    expect(text).toContain("https://privacy.audiomidi.com/sharing/");
    for (const chromeText of [
      "Skip to content",
      "Search the policy",
      "Previous section",
      "Next section",
      "Permalink to",
      "In this section",
      "Changes to this section",
    ]) {
      expect(text).not.toContain(chromeText);
    }
  });
});

describe("printing from the whole-policy page", () => {
  it("prints only the chosen section with “Print this section”", async () => {
    const page = await openPrinted("/");
    await page.getByRole("button", { name: `Print this section “${sharing.title}”`, exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const pages = await pdfPages(await page.pdf({ format: "A4" }));
    const text = pages.join(" ");
    expect(text).toContain(sharing.title);
    for (const clause of sharing.clauses) expect(text).toContain(clause.text);
    expect(text).toContain("https://privacy.audiomidi.com/sharing/");
    expect(text).toContain(site.provenance.sourceUrl);
    for (const other of policy.sections.filter((s) => s.id !== "sharing")) expect(text).not.toContain(other.title);
    expect(text).not.toContain("Contents");
  });

  it("returns to the whole policy after printing", async () => {
    const page = await openPrinted("/");
    await page.getByRole("button", { name: `Print this section “${sharing.title}”`, exact: true }).click();
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: "print" });
    const text = (await pdfPages(await page.pdf({ format: "A4" }))).join(" ");
    for (const section of policy.sections) expect(text).toContain(section.title);
  });

  it("prints the whole policy with its table of contents", async () => {
    const page = await openPrinted("/");
    const pages = await pdfPages(await page.pdf({ format: "A4" }));
    expect(pages[0]).toContain("Contents");
    const text = pages.join(" ");
    for (const section of policy.sections) expect(text).toContain(section.title);
    expect(text).not.toContain("Print this section");
  });
});

/** Text without any whitespace: line and page breaks in a PDF's text fall anywhere. */
const squash = (text: string) => text.replace(/\s+/g, "");

/**
 * Each heading of the policy as paper must keep it: its words, the address printed under it, and
 * the first words after that (the whole paragraph when it is short), read in print media.
 */
async function headingRuns(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main .clause-address")].map((address) => {
      const heading = address.previousElementSibling?.querySelector("h1, h2, h3, h4, h5, h6") as HTMLElement;
      let next = address.nextElementSibling as HTMLElement | null;
      while (next && getComputedStyle(next).display === "none") next = next.nextElementSibling as HTMLElement | null;
      const words = (next?.innerText ?? "").trim().split(/\s+/);
      const opening = words.join(" ").length <= 250 ? words : words.slice(0, 8);
      return [heading.innerText, address.innerText, opening.join(" ")].join(" ");
    }),
  );
}

describe("page breaks on paper", () => {
  for (const format of ["A4", "Letter"] as const) {
    for (const path of ["/", sharing.url]) {
      it(`keep each heading with its first lines, and short clauses whole, on ${format} (${path})`, async () => {
        const page = await openPrinted(path);
        await page.emulateMedia({ media: "print" });
        const runs = await headingRuns(page);
        expect(runs.length).toBeGreaterThanOrEqual(path === "/" ? 14 : 5);
        const pages = (await pdfPages(await page.pdf({ format }))).map(squash);
        expect(runs.filter((run) => !pages.some((text) => text.includes(squash(run))))).toEqual([]);
      });
    }
  }
});

describe("what each printed page says", () => {
  it("heads every page after the first with the policy and the part, and foots it with address, date and page", async () => {
    const page = await openPrinted("/");
    const pages = await pdfPages(await page.pdf({ format: "Letter" }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text).toContain(`https://privacy.audiomidi.com/`);
      expect(text).toContain(`Effective 8 April 2014 · Page ${i + 1} of ${pages.length}`);
      if (i > 0) expect(text).toMatch(/^audioMIDI\.com Privacy Policy The whole policy/);
    });
    // Page 1 has the in-flow header instead of the running one.
    expect(pages[0]).not.toMatch(/^audioMIDI\.com Privacy Policy The whole policy/);
  });

  it("starts the policy on page 1, after a compact contents", async () => {
    const page = await openPrinted("/");
    const [first] = await pdfPages(await page.pdf({ format: "A4" }));
    const section = policy.sections[0];
    expect(first).toContain("Contents");
    expect(first).toContain(`${section.position} ${section.title} https://privacy.audiomidi.com/#${section.id}`);
    expect(first).toContain(`${section.clauses[0].number} ${section.clauses[0].text}`);
  });

  it("numbers the headings as the contents numbers them", async () => {
    const page = await openPrinted("/");
    await page.emulateMedia({ media: "print" });
    const texts = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, " ")));
    const contents = await texts("nav.toc li > a");
    expect(contents).toEqual(await texts(".policy-section :is(h2, h3)"));
    expect(contents).toContain("3.b Third-Party Service Providers");
  });

  it("writes each clause's address under its heading on paper only", async () => {
    const page = await openPrinted(sharing.url);
    expect(await visible(page, ".clause-address")).toBe(0);
    await page.emulateMedia({ media: "print" });
    expect(await visible(page, ".clause-address")).toBe(sharing.clauses.length);
    expect(await page.locator(".clause-address").first().innerText()).toBe(
      `https://privacy.audiomidi.com/sharing/#${sharing.clauses[0].id}`,
    );
  });

  it("puts the chosen section's title and address in the margins for “Print this section”, then the page's back", async () => {
    const page = await openPrinted("/");
    const margins = () =>
      page.evaluate(() => [
        document.documentElement.getAttribute("data-print-title"),
        document.documentElement.getAttribute("data-print-url"),
      ]);
    const before = await margins();
    expect(before).toEqual(["The whole policy", "https://privacy.audiomidi.com/"]);
    await page.getByRole("button", { name: `Print this section “${sharing.title}”`, exact: true }).click();
    expect(await margins()).toEqual([`Section 3 · ${sharing.title}`, "https://privacy.audiomidi.com/sharing/"]);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await margins()).toEqual(before);
  });
});
