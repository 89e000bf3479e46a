import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { outlineLines, type PdfReport, readPdf } from "../helpers/pdf.ts";
import { buildOptions, fixtureContent, fixtureHistory, hashTree, normalizeSpace, pageFile } from "../helpers/site.ts";

/**
 * `npm run build -- --pdf` as a deployer runs it, on the revisions fixture (three sections, two
 * archived versions) under a path prefix and another origin, then a second build of the same
 * content to compare, byte for byte. Each build prints 7 PDFs: a few seconds each.
 */
const ORIGIN = "https://policy.example.org";
const PREFIX = "/legal/";
const env = { SITE_URL: ORIGIN, PATH_PREFIX: PREFIX };
const root = mkdtempSync(path.join(tmpdir(), "pdf-build-"));
const first = path.join(root, "first");
const second = path.join(root, "second");
const contentDir = fixtureContent("revisions");
const historyDir = fixtureHistory("revisions");
afterAll(() => rmSync(root, { recursive: true, force: true }));

let output = "";
beforeAll(async () => {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "build", "--", "--pdf", "--validate-html"], {
    cwd: projectRoot,
    env: { ...process.env, ...env, OUTPUT_DIR: first, POLICY_CONTENT_DIR: contentDir, POLICY_HISTORY_DIR: historyDir },
  });
  output = stdout;
  await buildSite(buildOptions({ outDir: second, contentDir, historyDir, pdf: true }, env));
});

const page = (sitePath: string) => load(readFileSync(pageFile(first, sitePath), "utf8"));
/** The PDF a page links to, read back. */
async function linkedPdf(sitePath: string): Promise<PdfReport & { label: string; bytes: number }> {
  const link = page(sitePath)(".pdf-download a");
  const href = link.attr("href") ?? "";
  expect(href.startsWith(PREFIX), href).toBe(true);
  const bytes = readFileSync(path.join(first, href.slice(PREFIX.length)));
  return { ...(await readPdf(bytes)), label: link.text(), bytes: bytes.length };
}
/** A4 in points, as Chromium sets it (210 × 297 mm). */
const A4: [number, number] = [596, 843];

describe("npm run build -- --pdf", () => {
  it("links the whole policy, each section and each version to its PDF, saying its pages and size", async () => {
    expect(output).toContain("PDFs on A4 paper");
    for (const sitePath of ["/", "/what-we-collect/", "/sharing/", "/your-rights/", "/history/2016-01-10/"]) {
      const pdf = await linkedPdf(sitePath);
      const pages = pdf.pages.length;
      expect(pdf.label, sitePath).toBe(
        `Download PDF (${pages} ${pages === 1 ? "page" : "pages"}, ${Math.round(pdf.bytes / 1024)} KB)`,
      );
      expect(pdf.sizes.every(([w, h]) => w === A4[0] && h === A4[1])).toBe(true);
    }
    expect(page("/search/")(".pdf-download")).toHaveLength(0);
  });

  it("makes the same bytes, PDFs and pages alike, from two builds of the same content", () => {
    const a = hashTree(first);
    expect(Object.keys(a).filter((file) => file.endsWith(".pdf"))).toHaveLength(7);
    expect(hashTree(second)).toEqual(a);
  });

  it("prints a section with its numbered clauses, their addresses, the running footer and the metadata", async () => {
    const pdf = await linkedPdf("/what-we-collect/");
    const text = pdf.pages.join(" ");
    expect(text).toContain("1.a Information You Provide to Us");
    expect(text).toContain(`${ORIGIN}${PREFIX}what-we-collect/#information-you-give-us`);
    expect(pdf.pages.at(-1)).toContain(`Effective 1 July 2020 · Page ${pdf.pages.length} of ${pdf.pages.length}`);
    expect(outlineLines(pdf.outline)).toEqual(["1 What We Collect", "  1.a Information You Provide to Us"]);
    expect(pdf.marked).toBe(true);
    expect(pdf.roles).toMatchObject({ H1: 1, H2: 1 });
    expect(pdf.roles.P).toBeGreaterThanOrEqual(2);
    expect(pdf.info).toMatchObject({
      Title: "What We Collect – audioMIDI.com Privacy Policy",
      Author: "audioMIDI.com",
      Language: "en",
      CreationDate: "D:20200701000000+00'00'",
      ModDate: "D:20200701000000+00'00'",
    });
    expect(pdf.info.Subject).toBe(page("/what-we-collect/")('meta[name="description"]').attr("content"));
  });

  it("prints the whole policy from page 1, with a bookmark for every section and clause", async () => {
    const pdf = await linkedPdf("/");
    const $ = page("/");
    const first = $(".policy-section").first();
    const firstWords = normalizeSpace(first.find("p:not(.clause-address)").first().text());
    expect(pdf.pages[0]).toContain(normalizeSpace(first.find("h2").text()));
    expect(pdf.pages[0]).toContain(firstWords);
    const headings = $(".policy-section :is(h2, h3)")
      .map((_, h) => `${h.tagName === "h3" ? "    " : "  "}${normalizeSpace($(h).text())}`)
      .get();
    expect(outlineLines(pdf.outline)).toEqual([normalizeSpace($("h1").text()), "  Contents", ...headings]);
    expect(pdf.info).toMatchObject({ Title: "audioMIDI.com Privacy Policy", Author: "audioMIDI.com" });
  });

  it("prints an archived version as what it is: its own date, its own words, not the current policy", async () => {
    const pdf = await linkedPdf("/history/2016-01-10/");
    const text = pdf.pages.join(" ");
    expect(text).toContain("This is not the current policy.");
    expect(text).toContain("If we are sold, your information goes to the buyer.");
    expect(text).toContain(`${ORIGIN}${PREFIX}history/2016-01-10/#business-transfers`);
    expect(pdf.pages[0]).toContain("Effective 10 January 2016 · not the current version · Page 1 of");
    expect(pdf.info).toMatchObject({ CreationDate: "D:20160110000000+00'00'", Author: "audioMIDI.com" });
    expect(pdf.marked).toBe(true);
  });

  it("leaves the last good site in place when the build fails after printing", async () => {
    const before = hashTree(first);
    const failing = buildSite(buildOptions({ outDir: first, contentDir, historyDir, pdf: true }, env), {
      onStep: (step) => {
        if (step === "pdf") throw new Error("the PDF step failed");
      },
    });
    await expect(failing).rejects.toThrow("the PDF step failed");
    expect(hashTree(first)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(["first", "second"]);
  });
});

describe("a build without --pdf", () => {
  it("makes no PDF, links none and never loads the browser", async () => {
    const outDir = path.join(root, "plain");
    const script = `
      import { createRequire } from "node:module";
      const { buildSite } = await import("./src/pipeline/build-site.ts");
      const { readBuildOptions } = await import("./src/options.ts");
      await buildSite({ ...readBuildOptions([], process.env), outDir: ${JSON.stringify(outDir)} });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /playwright|sparticuz/.test(f));
      console.log(JSON.stringify(loaded));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", script],
      { cwd: projectRoot, env: { ...process.env, POLICY_CONTENT_DIR: contentDir, POLICY_HISTORY_DIR: historyDir } },
    );
    expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "")).toEqual([]);
    expect(hashTree(outDir)).not.toHaveProperty(["audiomidi-com-privacy-policy.pdf"]);
    expect(Object.keys(hashTree(outDir)).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).not.toContain("pdf-download");
    rmSync(outDir, { recursive: true, force: true });
    expect(existsSync(outDir)).toBe(false);
  });
});
