import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYOUT_IDS, SITE_PATHS } from "../../src/content/id-rules.ts";
import { ContentErrors } from "../../src/lib/problems.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { loadPolicy } from "../../src/pipeline/load-policy.ts";
import { sectionIds } from "../../src/render/policy.ts";
import {
  type BuiltSite,
  buildOptions,
  buildToTemp,
  fixtureContent,
  normalizeSpace,
  pageFile,
  readSearchFragments,
  realContentDir,
} from "../helpers/site.ts";

/**
 * The catalogue of bad and unusual content: each scenario is a folder in tests/fixtures holding
 * only the files it needs, and its expected outcome is either a ContentError (message, file,
 * line) with the previous site left byte for byte as it was, or a correct build.
 */
interface Refused {
  scenario: string;
  file: string;
  line?: number;
  error: RegExp;
}

const refused: Refused[] = [
  {
    scenario: "broken-yaml",
    file: "01-broken.md",
    line: 4,
    error:
      /the quote that opens `"An unclosed quote` is never closed\n {2}→ Close it where the value ends: `title: "An unclosed quote"`/,
  },
  {
    scenario: "missing-title",
    file: "01-untitled.md",
    line: 1,
    error: /`title` is missing/,
  },
  { scenario: "duplicate-id", file: "02-second.md", line: 1, error: /the id `same` is already used by .*01-first\.md/ },
  {
    scenario: "duplicate-order",
    file: "02-second.md",
    line: 1,
    error: /the order 1 is already used by .*01-first\.md/,
  },
  {
    scenario: "unknown-key",
    file: "01-cookies.md",
    line: 4,
    error: /unknown key `titel`\n {2}→ Did you mean `title`\?/,
  },
  {
    scenario: "id-with-spaces",
    file: "01-cookies.md",
    line: 2,
    error: /`id` must be lowercase letters and digits in words joined by single hyphens/,
  },
  { scenario: "h1-in-content", file: "01-cookies.md", line: 7, error: /a level-1 heading \(`# …`\) is not allowed/ },
  {
    scenario: "skipped-heading-level",
    file: "01-sharing.md",
    line: 13,
    error: /the heading skips from level 2 to level 4/,
  },
  {
    scenario: "script-in-markdown",
    file: "01-cookies.md",
    line: 9,
    error: /raw HTML \(`<script>alert\(document.cookie\)<\/script>`\) is not allowed/,
  },
  {
    scenario: "inline-html",
    file: "01-cookies.md",
    line: 7,
    error: /raw HTML \(`<b>`\) is not allowed.*\n {2}→ .*escape it: `\\<b>`/,
  },
  {
    scenario: "javascript-link",
    file: "01-cookies.md",
    line: 9,
    error: /the link `javascript:alert\(1\)` uses the `javascript:` scheme, which is not allowed/,
  },
  { scenario: "data-link", file: "01-cookies.md", line: 7, error: /uses the `data:` scheme/ },
  { scenario: "vbscript-link", file: "01-cookies.md", line: 7, error: /uses the `vbscript:` scheme/ },
  {
    scenario: "relative-link",
    file: "01-cookies.md",
    line: 7,
    error: /the link `sharing.md` is not a full address or a site link/,
  },
  {
    scenario: "link-to-missing-section",
    file: "01-cookies.md",
    line: 9,
    error: /the link `\/security\/` points to a section `security` that does not exist/,
  },
  {
    scenario: "link-to-missing-anchor",
    file: "01-cookies.md",
    line: 9,
    error: /the link `\/sharing\/#transfers` points to `#transfers`, which is not an id in the section `sharing`/,
  },
  { scenario: "non-utf8-bytes", file: "01-cookies.md", line: 9, error: /the file is not valid UTF-8/ },
  { scenario: "empty-file", file: "01-cookies.md", line: 1, error: /the file is empty/ },
  { scenario: "section-without-text", file: "01-cookies.md", line: 6, error: /the section has no text/ },
  { scenario: "missing-front-matter", file: "01-cookies.md", line: 1, error: /the file has no front matter/ },
  {
    scenario: "heading-without-id",
    file: "01-sharing.md",
    line: 9,
    error:
      /the heading “Business Transfers” has no id\n {2}→ End it with a stable id, e\.g\. `## Business Transfers \{#some-short-id\}`/,
  },
  {
    scenario: "layout-id-in-content",
    file: "01-sharing.md",
    line: 7,
    error: /the id `contents` \(clause id\) is already used by the page layout/,
  },
  {
    scenario: "id-on-paragraph",
    file: "01-sharing.md",
    line: 7,
    error: /`\{#note\}` gives an id to something that is not a heading/,
  },
  {
    scenario: "image-in-content",
    file: "01-cookies.md",
    line: 7,
    error: /the image `https:\/\/example.com\/cookie.png` is not allowed/,
  },
  {
    scenario: "clause-id-used-twice",
    file: "02-sharing.md",
    line: 9,
    error: /the id `consent` \(clause id\) is already used by clause id in .*01-cookies\.md:7/,
  },
  {
    scenario: "alias-to-missing-clause",
    file: "01-sharing.md",
    error: /the alias `transfers` points to `business-transfer`, which is not a clause id in this section/,
  },
  {
    scenario: "search-terms-for-missing-clause",
    file: "01-sharing.md",
    error:
      /`clauseSearchTerms` names `business-transfer`, which is not a clause id in this section\n {2}→ Use one of this section's clause ids: `business-transfers`/,
  },
  {
    scenario: "removed-id-without-alias",
    file: "01-sharing.md",
    error:
      /the clause id `business-transfers` was published \(\/sharing\/#business-transfers\) but this section no longer has it\n {2}→ .*aliases: \{ business-transfers: /,
  },
  {
    scenario: "removed-section-id",
    file: "version-lock.json",
    error: /the section id `cookies` was published \(\/cookies\/\) but no section has it now/,
  },
  {
    scenario: "note-without-definition",
    file: "01-cookies.md",
    line: 9,
    error: /`\[\^2\]` is not a note reference: no note `\[\^2\]:` is defined/,
  },
  {
    scenario: "note-never-referenced",
    file: "01-cookies.md",
    line: 9,
    error: /the note `\[\^consent\]` is defined but never referenced/,
  },
  { scenario: "table-without-caption", file: "01-retention.md", line: 9, error: /the table has no caption/ },
  {
    scenario: "unknown-callout",
    file: "01-rights.md",
    line: 9,
    error: /the callout \[!DANGER\] is not one this site knows/,
  },
  {
    scenario: "unsupported-attribute",
    file: "01-rights.md",
    line: 9,
    error: /the attribute `\{\.highlight\}` is not supported/,
  },
  {
    scenario: "term-defined-twice",
    file: "02-sharing.md",
    line: 9,
    error: /the term “Personal Data” is already defined in .*01-definitions\.md:7 \(as “Personal data”\)/,
  },
  {
    scenario: "summary-not-first",
    file: "01-rights.md",
    line: 9,
    error: /the summary is not at the start of the section/,
  },
  {
    scenario: "brand-colour-fails-contrast",
    file: "site.json",
    line: 17,
    error:
      /the brand colour `accent` fails contrast: #e4002b on the header, footer and contents background \(#f3f5f8\) in the light scheme: 4\.44:1, below 4\.5:1\n {2}→ Choose a darker shade, e\.g\. "#[0-9a-f]{6}"/,
  },
];

/** Copied fixtures, removed when the file's tests are done. */
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
const fixture = (scenario: string): string => {
  const dir = fixtureContent(scenario);
  copies.push(dir);
  return dir;
};

/** Every file under a folder with a hash of its bytes, to prove a failed build left it as it was. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) files[name] = createHash("sha256").update(readFileSync(full)).digest("hex");
  }
  return files;
}

describe("content that must stop the build", () => {
  let previous: BuiltSite;
  let before: Record<string, string>;
  beforeAll(async () => {
    previous = await buildToTemp();
    // Builds are reproducible, so a replaced site could look unchanged; this file would be gone.
    writeFileSync(path.join(previous.outDir, "last-good-build.txt"), "the site before the failed builds\n");
    before = snapshot(previous.outDir);
  });
  afterAll(() => previous?.cleanup());

  it("has a scenario for every case the catalogue names", () => {
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(before).length).toBeGreaterThan(10);
  });

  it.each(refused)(
    "$scenario: an error naming $file, and the previous site untouched",
    async ({ scenario, file, line, error }) => {
      const contentDir = fixture(scenario);
      const failure = await buildSite(buildOptions({ outDir: previous.outDir, contentDir })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(ContentErrors);
      const { errors } = failure as ContentErrors;
      const content = errors.find((e) => error.test(e.message));
      expect(content, errors.map((e) => e.message).join("\n")).toBeDefined();
      expect(path.basename(content!.file)).toBe(file);
      expect(content!.line).toBe(line);
      expect(content!.hint.length).toBeGreaterThan(20);
      expect(snapshot(previous.outDir)).toEqual(before);
      expect(readdirSync(path.dirname(previous.outDir))).toEqual(["site"]);
    },
  );

  it("a failure after the pages were written also leaves the previous site untouched", async () => {
    const late = () => {
      throw new Error("a check on the staged site failed");
    };
    await expect(buildSite(buildOptions({ outDir: previous.outDir }), { checks: [late] })).rejects.toThrow(
      /check on the staged site failed/,
    );
    expect(snapshot(previous.outDir)).toEqual(before);
    expect(readdirSync(path.dirname(previous.outDir))).toEqual(["site"]);
  });

  it("knows every folder the site writes for itself, so no section id can take one", () => {
    const sectionFolders = new Set(loadPolicy(realContentDir).sections.map((s) => s.id));
    const entries = readdirSync(previous.outDir, { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory() && !sectionFolders.has(e.name)).map((e) => e.name);
    expect(folders.length).toBeGreaterThan(0);
    expect(
      folders.filter((name) => !SITE_PATHS.includes(name)),
      "add these to SITE_PATHS in src/content/id-rules.ts",
    ).toEqual([]);
  });

  it("knows every id the layouts put on pages with policy text, so content cannot take one", () => {
    const contentIds = new Set(
      sectionIds(loadPolicy(realContentDir)).flatMap((s) => [s.id, ...s.clauseIds, ...Object.keys(s.aliases)]),
    );
    for (const sitePath of [
      "/",
      ...[...contentIds].filter((id) => existsSync(pageFile(previous.outDir, `/${id}/`))).map((id) => `/${id}/`),
    ]) {
      const $ = previous.page(sitePath);
      const layoutIds = $("[id]")
        .map((_, el) => $(el).attr("id"))
        .get()
        .filter((id) => !contentIds.has(id));
      expect(
        layoutIds.filter((id) => !LAYOUT_IDS.includes(id)),
        `${sitePath}: add these to LAYOUT_IDS in src/content/id-rules.ts`,
      ).toEqual([]);
    }
  });
});

interface Builds {
  scenario: string;
  /** Changes the copied fixture before the build: for inputs too big to commit. */
  prepare?: (contentDir: string) => void;
  check: (site: BuiltSite, contentDir: string) => void;
}

const ONE_MEGABYTE = 1024 * 1024;

/** About a megabyte of policy text: 400 clauses of five long paragraphs each. */
function appendMegabyte(contentDir: string): void {
  const paragraph =
    "We receive and store any information you enter on our Web site or give us in any other way, and we use it to respond to your requests. ".repeat(
      4,
    );
  const clauses = Array.from(
    { length: 400 },
    (_, i) => `## Clause ${i + 1} {#clause-${i + 1}}\n\n${`${paragraph}\n\n`.repeat(5)}`,
  );
  appendFileSync(
    path.join(contentDir, "01-everything.md"),
    `\n${clauses.join("")}The very last sentence of the big section.\n`,
  );
}

const sourceBytes = (contentDir: string, name: string) => readFileSync(path.join(contentDir, name));

/** The real site.json, with the policy's language changed. */
function writeLanguage(lang: string): (contentDir: string) => void {
  return (contentDir) => {
    const file = path.join(contentDir, "site.json");
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), lang }, null, 2));
  };
}

const builds: Builds[] = [
  {
    scenario: "policy-in-german",
    prepare: writeLanguage("de"),
    check: (site) => {
      expect(site.page("/cookies/")("html").attr("lang")).toBe("de");
      // Pagefind stems and indexes in the policy's language, not a fixed one.
      const entry = JSON.parse(readFileSync(path.join(site.outDir, "pagefind", "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, unknown>;
      };
      expect(Object.keys(entry.languages)).toEqual(["de"]);
    },
  },
  {
    scenario: "byte-order-mark",
    check: (site, contentDir) => {
      expect([...sourceBytes(contentDir, "01-cookies.md").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const $ = site.page("/cookies/");
      expect($("h1").text()).toBe("1 What About Cookies?");
      expect($("h2#refusing").text()).toBe("1.a Refusing Cookies");
      expect($.html()).not.toContain("\uFEFF");
    },
  },
  {
    scenario: "crlf-line-endings",
    check: (site, contentDir) => {
      expect(sourceBytes(contentDir, "01-cookies.md").toString("utf8")).toContain("---\r\nid: cookies\r\n");
      const $ = site.page("/cookies/");
      expect($("h2#refusing").text()).toBe("1.a Refusing Cookies");
      expect($("main p").text()).not.toContain("\r");
    },
  },
  {
    scenario: "one-megabyte-section",
    prepare: appendMegabyte,
    check: (site, contentDir) => {
      expect(sourceBytes(contentDir, "01-everything.md").length).toBeGreaterThan(ONE_MEGABYTE);
      for (const [sitePath, level] of [
        ["/everything/", "h2"],
        ["/", "h3"],
      ]) {
        const $ = site.page(sitePath);
        expect($(`${level}[id^=clause-]`)).toHaveLength(400);
        // The 400th clause of section 1: a … z, aa … oj.
        expect($(`${level}#clause-400`).text()).toBe("1.oj Clause 400");
        expect(normalizeSpace($("main").text())).toContain("The very last sentence of the big section.");
      }
      expect(readSearchFragments(site.outDir).find((f) => f.url === "/everything/")?.content).toContain(
        "The very last sentence of the big section.",
      );
    },
  },
  {
    scenario: "same-heading-text",
    check: (site) => {
      const $ = site.page("/choices/");
      expect(
        $("h2[id$=-details]")
          .map((_, h) => [[$(h).attr("id"), $(h).text()]])
          .get(),
      ).toEqual([
        ["cookie-details", "1.a Details"],
        ["email-details", "1.b Details"],
      ]);
      expect(
        $("nav.toc ol a")
          .map((_, a) => $(a).attr("href"))
          .get(),
      ).toEqual(["#cookie-details", "#email-details"]);
    },
  },
  {
    scenario: "heading-reworded-id-kept",
    check: (site) => {
      expect(site.page("/information-we-gather/")("h2#information-you-give-us").text()).toBe("1.a What You Tell Us");
      expect(site.page("/")("h3#information-you-give-us").text()).toBe("1.a What You Tell Us");
    },
  },
  {
    scenario: "retired-id-with-alias",
    check: (site) => {
      for (const [sitePath, level] of [
        ["/sharing/", "h2"],
        ["/", "h3"],
      ]) {
        const $ = site.page(sitePath);
        const alias = $("#third-party-service-providers");
        expect(alias).toHaveLength(1);
        // Landing on the old id puts the reader right at the clause that replaced it.
        expect(alias.next().is(`${level}#service-providers`)).toBe(true);
        expect(alias.text()).toBe("");
        expect($("nav.toc a[href='#third-party-service-providers']")).toHaveLength(0);
      }
    },
  },
  {
    scenario: "links-that-land",
    check: (site) => {
      for (const sitePath of ["/", "/cookies/", "/sharing/"]) {
        const $ = site.page(sitePath);
        const links = $(".policy-section a, .section-page > p a")
          .map((_, a) => $(a).attr("href"))
          .get();
        expect(links.length).toBeGreaterThan(0);
        for (const href of links.filter((h) => /^[/#]/.test(h))) {
          const [page, fragment] = href.startsWith("#") ? [sitePath, href.slice(1)] : href.split("#");
          expect(existsSync(pageFile(site.outDir, page)), `${sitePath} → ${href}`).toBe(true);
          if (fragment) expect(site.page(page)(`[id="${fragment}"]`), `${sitePath} → ${href}`).toHaveLength(1);
        }
      }
      expect(
        site.page("/cookies/")("a[href^='mailto:'], a[href^='tel:'], a[href^='https:']").length,
      ).toBeGreaterThanOrEqual(3);
    },
  },
];

describe("unusual content that must build correctly", () => {
  const sites: BuiltSite[] = [];
  afterAll(() => {
    for (const site of sites) site.cleanup();
  });

  it.each(builds)("$scenario", async ({ scenario, prepare, check }) => {
    const contentDir = fixture(scenario);
    prepare?.(contentDir);
    const site = await buildToTemp({ contentDir });
    sites.push(site);
    check(site, contentDir);
  });
});
