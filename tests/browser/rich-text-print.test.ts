import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pdfPages } from "../helpers/pdf.ts";
import { type Reader, startReader } from "../helpers/reader.ts";

/** The kitchen-sink policy, printed to PDF as a reader's browser would. */
let reader: Reader;
beforeAll(async () => {
  reader = await startReader(inject("kitchenSinkDir"));
});
afterAll(() => reader?.close());

async function printed(path: string): Promise<string[]> {
  const { context, page } = await reader.open();
  await page.goto(reader.url(path));
  const pages = await pdfPages(await page.pdf({ format: "A4" }));
  await context.close();
  return pages;
}

describe("printing tables", () => {
  it("repeats a long table's header row on every page it runs over, and splits no row", async () => {
    const pages = await printed("/cookies/");
    const withRows = pages.filter((text) => /nw_[a-z_]+ northwind\.example/.test(text));
    expect(withRows.length).toBeGreaterThan(1);
    for (const text of withRows) expect(text).toContain("Name Set by Purpose Category Lifetime Size (bytes)");
    // Every row of the table reached paper, each whole on one page.
    for (const name of ["nw_session", "nw_csrf_token_for_forms_and_checkout", "nw_chat_open"]) {
      expect(withRows.filter((text) => new RegExp(`${name} northwind\\.example \\S`).test(text))).toHaveLength(1);
    }
  });

  it("prints a wide table whole, not cut at the frame's edge", async () => {
    const text = (await printed("/what-we-collect/")).join(" ");
    expect(text).toContain("Purposes of processing, with the legal basis and retention period of each");
    expect(text).toContain("Tax authorities, when the law requires it");
  });
});

describe("printing notes and summaries", () => {
  it("prints each section's notes at the end of that section, without the links back", async () => {
    const text = (await printed("/")).join(" ");
    const lastWords = text.indexOf("Some of it is stored in a cookie");
    const note = text.indexOf("Invoices must be kept for six years");
    const nextSection = text.indexOf("The website sets the cookies listed below.");
    expect(lastWords).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(lastWords);
    expect(nextSection).toBeGreaterThan(note);
    expect(text).not.toMatch(/Back to (note|reference)/);
  });

  it("labels a summary on paper as not part of the policy, before the legal text", async () => {
    const text = (await printed("/what-we-collect/")).join(" ");
    const label = text.indexOf("Summary (not part of the policy) We collect what you give us");
    expect(label).toBeGreaterThan(0);
    expect(text.indexOf("We process personal data for the purposes")).toBeGreaterThan(label);
  });
});
