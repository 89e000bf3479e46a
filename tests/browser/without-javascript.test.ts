import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPolicySource } from "../helpers/policy-source.ts";
import { type Reader, startReader } from "../helpers/reader.ts";
import { policy } from "../helpers/sections.ts";

let reader: Reader;
beforeAll(async () => {
  reader = await startReader();
});
afterAll(() => reader?.close());

const noScript = () => reader.open({ javaScriptEnabled: false, viewport: { width: 1280, height: 700 } });
const normalize = (text: string) => text.replace(/\s+/g, " ");

describe("reading without JavaScript", () => {
  it("shows every sentence of the policy on the whole-policy page", async () => {
    const { page } = await noScript();
    await page.goto(reader.url("/"));
    const text = normalize(await page.locator("main").innerText());
    expect(readPolicySource().sentences.filter((s) => !text.includes(s))).toEqual([]);
  });

  it.each(policy.sections.map((s) => [s.url, s] as const))(
    "shows the section %s with its clauses",
    async (path, section) => {
      const { page } = await noScript();
      await page.goto(reader.url(path));
      expect(await page.locator("h1").innerText()).toBe(`${section.position} ${section.title}`);
      for (const clause of section.clauses) expect(await page.locator(`#${clause.id}`).isVisible()).toBe(true);
    },
  );

  it("follows a table-of-contents link to its clause", async () => {
    const { page } = await noScript();
    await page.goto(reader.url("/"));
    await page.locator('nav.toc a[href="#business-transfers"]').click();
    await page.waitForURL(/#business-transfers$/);
    const box = (await page.locator("#business-transfers").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(100);
  });

  it("follows a permalink to its heading", async () => {
    const { page } = await noScript();
    await page.goto(reader.url("/sharing/"));
    await page.getByRole("link", { name: "Permalink to “With Your Consent”" }).click();
    await page.waitForURL(/\/sharing\/#with-your-consent$/);
  });

  it("turns “Print this section” into a link to the section's own page", async () => {
    const { page } = await noScript();
    await page.goto(reader.url("/"));
    await page.getByRole("link", { name: "Print this section “What About Cookies?”", exact: true }).click();
    await page.waitForURL(/\/cookies\/$/);
  });

  it("explains on the search page that search needs JavaScript, and links the contents", async () => {
    const { page } = await noScript();
    await page.goto(reader.url("/search/?q=cookies"));
    await page.getByText("Search needs JavaScript").waitFor({ state: "visible" });
    await page.getByRole("link", { name: "table of contents" }).click();
    await page.waitForURL(/\/#contents$/);
  });
});
