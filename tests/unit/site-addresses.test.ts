import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../src/lib/files.ts";
import { fileOf, servedPathOf, sitePathOf } from "../../src/lib/urls.ts";

describe("the files of a built site", () => {
  it("are listed with / separators, sorted, whatever order they were written in", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "search-files-"));
    try {
      for (const file of ["terms/index.html", "index.html", "assets/site.css", "404.html", "cookies/index.html"]) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), "<p>x</p>");
      }
      expect(listFiles(dir)).toEqual([
        "404.html",
        "assets/site.css",
        "cookies/index.html",
        "index.html",
        "terms/index.html",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are served at the addresses a static host gives them, and back", () => {
    const files = ["index.html", "cookies/index.html", "404.html", "a/b/index.html"];
    const paths = files.map(sitePathOf);
    expect(paths).toEqual(["/", "/cookies/", "/404.html", "/a/b/"]);
    expect(paths.map(fileOf)).toEqual(files);
    expect(sitePathOf("/cookies/index.html")).toBe("/cookies/");
    expect(fileOf("/cookies/?highlight=x#refusing")).toBe("cookies/index.html");
    expect(servedPathOf("/privacy/", "/cookies/")).toBe("/privacy/cookies/");
  });
});
