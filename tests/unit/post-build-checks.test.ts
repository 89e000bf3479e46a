import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findInvalidHtml } from "../../src/checks/html-validity.ts";
import { type LinkCheckSite, LinkIndex, servedPath } from "../../src/checks/links.ts";
import { scanPage, stylesheetReferences } from "../../src/checks/page-scan.ts";
import { checkBuiltSite } from "../../src/checks/post-build-checks.ts";
import { SiteCheckError } from "../../src/lib/problems.ts";

/** A valid page with the given body, as the layouts would write it. */
const page = (body: string, title = "A page") =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<main id="main">\n<h1>${title}</h1>\n${body}\n</main>\n</body>\n</html>\n`;

/** The link check on a site in memory (files by name), pages scanned as the build scans them. */
function findBrokenLinks(files: Record<string, string>, options: LinkCheckSite): string[] {
  const links = new LinkIndex(options);
  for (const [file, text] of Object.entries(files)) {
    if (file.endsWith(".html")) {
      const scan = scanPage(text);
      links.addFile(file, scan.references, scan.anchors);
    } else if (file.endsWith(".css")) links.addFile(file, stylesheetReferences(text));
  }
  return links.problems(new Set(Object.keys(files))).map(({ file, line, text }) => `${file}:${line}: ${text}`);
}

/** The inline code a page carries, as the build reports it. */
const findInlineCode = (file: string, text: string): string[] =>
  scanPage(text).inline.map((problem) => `${file}:${problem}`);

const prefixed = { pathPrefix: "/privacy/", siteUrl: "https://example.org" };

describe("the link check", () => {
  const good = {
    "/index.html": page(
      '<h2 id="contents">Contents</h2>\n<a href="/privacy/cookies/#clause">c</a>\n<a href="#contents">toc</a>\n<a href="https://web.archive.org/x">elsewhere</a>\n<a href="mailto:a@b.c">mail</a>\n<link rel="canonical" href="https://example.org/privacy/">',
    ),
    "/cookies/index.html": page(
      '<h2 id="clause">Clause</h2>\n<a href="../">up</a>\n<a href="/privacy/cookies">no slash</a>\n<img src="/privacy/assets/icon.svg" alt="">',
    ),
    "/404.html": page('<a href="/privacy/">home</a>\n<a href="#main">skip</a>'),
    "/assets/icon.svg": "<svg/>",
    "/assets/site.css": 'a{background:url("/privacy/assets/icon.svg")} b{background:url(data:image/png;base64,AA==)}',
  };

  it("passes a site whose links, anchors and assets all resolve under the prefix", () => {
    expect(findBrokenLinks(good, prefixed)).toEqual([]);
  });

  it("reports a missing page, a missing anchor on another page and one on the same page, with file and line", () => {
    const broken = {
      ...good,
      "/index.html": page(
        '<a href="/privacy/choices/">x</a>\n<a href="/privacy/cookies/#nope">y</a>\n<a href="#gone">z</a>',
      ),
    };
    expect(findBrokenLinks(broken, prefixed)).toEqual([
      '/index.html:10: "/privacy/choices/" points to /choices/, which the site does not have',
      '/index.html:11: "/privacy/cookies/#nope" points to #nope, but /cookies/index.html has no element with that id',
      '/index.html:12: "#gone" points to #gone, but /index.html has no element with that id',
    ]);
  });

  it("reports a root-relative link that forgot the path prefix", () => {
    const broken = { ...good, "/cookies/index.html": page('<h2 id="clause">C</h2>\n<a href="/">home</a>') };
    expect(findBrokenLinks(broken, prefixed)).toEqual([
      '/cookies/index.html:11: "/" is outside the site\'s path prefix /privacy/',
    ]);
  });

  it("reports a relative link on the 404 page, which is shown at addresses that are not its own", () => {
    const broken = { ...good, "/404.html": page('<a href="cookies/">c</a>') };
    expect(findBrokenLinks(broken, prefixed)).toEqual([
      '/404.html:10: "cookies/" points to /no/such/page/cookies/, which the site does not have (404.html is shown at any address, so its links must start with /privacy/)',
    ]);
  });

  it("checks stylesheet url()s and canonical links to the site's own URL", () => {
    const broken = {
      ...good,
      "/assets/site.css": 'a{background:url("/privacy/assets/gone.svg")}',
      "/cookies/index.html": page(
        '<h2 id="clause">C</h2>\n<link rel="canonical" href="https://example.org/privacy/cookie/">',
      ),
    };
    expect(findBrokenLinks(broken, prefixed)).toEqual([
      '/cookies/index.html:11: "https://example.org/privacy/cookie/" points to /cookie/, which the site does not have',
      '/assets/site.css:1: "/privacy/assets/gone.svg" points to /assets/gone.svg, which the site does not have',
    ]);
  });

  it("lists the first 20 places of a broken link that repeats on every page, and counts the rest", () => {
    const pages = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [
        `/p${String(i).padStart(2, "0")}/index.html`,
        page('<a href="/privacy/gone/">g</a>'),
      ]),
    );
    const problems = findBrokenLinks(pages, prefixed);
    expect(problems).toHaveLength(20);
    expect(problems[0]).toBe('/p00/index.html:10: "/privacy/gone/" points to /gone/, which the site does not have');
    expect(problems[19]).toBe(
      '/p19/index.html:10: "/privacy/gone/" points to /gone/, which the site does not have (and 5 more places)',
    );
  });

  it("knows where each file is served", () => {
    expect(servedPath("/index.html", "/p/")).toBe("/p/");
    expect(servedPath("/cookies/index.html", "/p/")).toBe("/p/cookies/");
    expect(servedPath("/assets/site.css", "/")).toBe("/assets/site.css");
    expect(servedPath("/404.html", "/p/")).toBe("/p/no/such/page/");
    expect(servedPath("/history/2014-04-08/index.html", "/")).toBe("/history/2014-04-08/");
    expect(servedPath("/notindex.html", "/")).toBe("/notindex.html");
  });
});

describe("the HTML check", () => {
  it("passes valid pages, a search form and a live region included", async () => {
    const search = page(
      '<form role="search" action="/search/" method="get" aria-label="Policy">\n<label for="q">Words</label>\n<input id="q" type="search" name="q">\n' +
        '<button type="submit">Search</button>\n</form>\n<section aria-label="Results" hidden=""><p role="status"></p><ol></ol></section>',
    );
    expect(await findInvalidHtml([{ file: "/search/index.html", text: search }])).toEqual([]);
  });

  it("reports invalid markup with file, line, column and rule", async () => {
    const problems = await findInvalidHtml([
      { file: "/x.html", text: page('<p id="a">one</p>\n<p id="a">two</p>\n<ul><p>not a list item</p></ul>') },
    ]);
    expect(problems).toEqual([
      '/x.html:11:8: Duplicate ID "a" [no-dup-id]',
      "/x.html:12:6: <p> element is not permitted as content under <ul> [element-permitted-content]",
    ]);
  });

  it("reports a page that is not a whole document, or has no language", async () => {
    expect(await findInvalidHtml([{ file: "/x.html", text: "<p>fragment</p>" }])).toEqual([
      "/x.html:1:1: Document is missing doctype [missing-doctype]",
    ]);
    expect(await findInvalidHtml([{ file: "/x.html", text: page("").replace(' lang="en"', "") }])).toEqual([
      '/x.html:2:2: <html> is missing required "lang" attribute [element-required-attributes]',
    ]);
  });
});

describe("the inline code check", () => {
  it("passes scripts and styles loaded from files", () => {
    expect(
      findInlineCode(
        "/x.html",
        page('<script type="module" src="/a.js"></script>\n<link rel="stylesheet" href="/a.css">'),
      ),
    ).toEqual([]);
  });

  it("reports inline scripts, style elements and attributes, event handlers and javascript: URLs", () => {
    const text = page(
      '<script>alert(1)</script>\n<style>p{}</style>\n<p style="color:red">x</p>\n<button type="button" onclick="go()">b</button>\n<a href="javascript:void 0">j</a>',
    );
    expect(findInlineCode("/x.html", text)).toEqual([
      "/x.html:10: an inline <script>",
      "/x.html:11: a <style> element",
      "/x.html:12: a style attribute on <p>",
      "/x.html:13: an event handler attribute onclick on <button>",
      "/x.html:14: a javascript: URL on <a>",
    ]);
  });
});

describe("checkBuiltSite", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function writeSite(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "checks-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it("passes a sound staged site", async () => {
    await expect(
      checkBuiltSite(writeSite({ "index.html": page('<a href="/privacy/">home</a>') }), prefixed),
    ).resolves.toBeUndefined();
  });

  it("fails a broken staged site with one error that lists every problem under its check, and what to do", async () => {
    const dir = writeSite({
      "index.html": page('<a href="/privacy/#nope">x</a>\n<p style="color:red">y</p>\n<p id="main">twice</p>'),
      "sub/index.html": page(""),
    });
    const error = await checkBuiltSite(dir, prefixed, { validateHtml: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiteCheckError);
    expect((error as SiteCheckError).failures.map((f) => f.check)).toEqual([
      "Links: every internal link, asset and #anchor resolves",
      "Ids: no id is used twice on a page (a link to it would be ambiguous)",
      "HTML: every page is valid (html-validate, rules in src/checks/html-validity.ts)",
      "No inline script or style (the Content-Security-Policy forbids them)",
    ]);
    expect((error as Error).message).toContain("the built site failed its post-build checks (5 problems):\nLinks:");
    expect((error as Error).message).toContain(
      '  - /index.html:10: "/privacy/#nope" points to #nope, but /index.html has no element with that id\n  → Fix the link',
    );
    expect((error as Error).message).toContain('  - /index.html:12: the id "main" is used more than once\n  → Rename');
  });

  it("runs html-validate only when asked, and every other check always", async () => {
    const dir = writeSite({ "index.html": page("<ul><p>not a list item</p></ul>") });
    await expect(checkBuiltSite(dir, prefixed)).resolves.toBeUndefined();
    await expect(checkBuiltSite(dir, prefixed, { validateHtml: true })).rejects.toThrow(
      "/index.html:10:6: <p> element is not permitted as content under <ul>",
    );
    const inline = writeSite({ "index.html": page('<p style="color:red">y</p>') });
    await expect(checkBuiltSite(inline, prefixed)).rejects.toThrow("/index.html:10: a style attribute on <p>");
  });
});

describe("reading a page once for the checks", () => {
  it("finds ids, a[name] anchors and every URL, with the line each starts on", () => {
    const scan = scanPage(
      '<!doctype html>\n<HTML lang="en"><body>\n<A\n  HREF="/a?x=1&amp;y=2#b">a</A><a name="old"></a>\n<img alt="" src="/i.svg"><form action="/s/"></form>\n<h2 id="c">C</h2><link rel="icon" href="/f.ico"></body></HTML>',
    );
    expect([...scan.anchors]).toEqual(["old", "c"]);
    expect(scan.references).toEqual([
      { line: 3, ref: "/a?x=1&y=2#b" },
      { line: 5, ref: "/i.svg" },
      { line: 5, ref: "/s/" },
      { line: 6, ref: "/f.ico" },
    ]);
    expect(scan.duplicateIds).toEqual([]);
  });

  it("reports an id used twice, on the line of its second use", () => {
    expect(scanPage('<p id="a">1</p>\n\n<p id="b">2</p><p id="a">3</p>').duplicateIds).toEqual([
      '3: the id "a" is used more than once',
    ]);
  });
});
