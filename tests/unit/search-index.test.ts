import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlFiles, pageUrlOf } from "../../src/search-index.ts";

describe("the pages handed to Pagefind", () => {
  it("are every HTML file, sorted, whatever order they were written in", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "search-files-"));
    try {
      for (const file of ["terms/index.html", "index.html", "assets/site.css", "404.html", "cookies/index.html"]) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), "<p>x</p>");
      }
      expect(htmlFiles(dir)).toEqual(["404.html", "cookies/index.html", "index.html", "terms/index.html"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("get the URLs the host serves them at", () => {
    expect(["index.html", "cookies/index.html", "404.html", "a/b/index.html"].map(pageUrlOf)).toEqual([
      "/",
      "/cookies/",
      "/404.html",
      "/a/b/",
    ]);
  });
});
