import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashFiles } from "../../src/lib/files.ts";
import { BuildReuse } from "../../src/pipeline/build-reuse.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { buildOptions, realContentDir } from "../helpers/site.ts";

/** This process's children that are Pagefind's service, from /proc (the CI machines run Linux). */
function pagefindChildren(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
        return comm?.startsWith("pagefind") && Number(rest.split(" ")[1]) === process.pid;
      } catch {
        return false; // Gone while listed.
      }
    })
    .map(Number);
}

// `npm start` keeps work from one build for the next (src/pipeline/build-reuse.ts); what it
// serves must be what `npm run build` would have written from the same files.
describe("a rebuild that keeps the last build's work", () => {
  let root = "";
  let contentDir = "";
  const options = (name: string) =>
    buildOptions({ contentDir, outDir: path.join(root, name), validateHtml: false, purpose: "preview" });

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "rebuild-reuse-"));
    contentDir = path.join(root, "content");
    cpSync(realContentDir, contentDir, { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes the very files a fresh build writes, before and after an edit, and keeps Pagefind's process between builds", async () => {
    const file = path.join(contentDir, "02-cookies.md");
    const original = readFileSync(file, "utf8");
    const added = "A sentence added while the site is served.";
    const reuse = new BuildReuse();
    let service: number[] = [];
    const kept: Array<Record<string, string>> = [];
    try {
      await buildSite(options("kept"), { reuse });
      kept.push(hashFiles(path.join(root, "kept")));
      service = pagefindChildren();
      expect(service).toHaveLength(1);
      writeFileSync(file, `${original.trimEnd()}\n\n${added}\n`);
      await buildSite(options("kept"), { reuse });
      kept.push(hashFiles(path.join(root, "kept")));
      expect(readFileSync(path.join(root, "kept", "cookies", "index.html"), "utf8")).toContain(added);
      expect(pagefindChildren()).toEqual(service);
    } finally {
      await reuse.close();
    }
    // The site each swap replaced is gone once the dev server has closed.
    expect(readdirSync(root).sort()).toEqual(["content", "kept"]);
    await buildSite(options("fresh"), {});
    expect(kept[1]).toEqual(hashFiles(path.join(root, "fresh")));
    writeFileSync(file, original);
    await buildSite(options("fresh"), {});
    expect(kept[0]).toEqual(hashFiles(path.join(root, "fresh")));
    expect(kept[0]).not.toEqual(kept[1]);

    // Once closed, the next build that keeps work starts a process of its own.
    const next = new BuildReuse();
    try {
      await buildSite(options("kept"), { reuse: next });
      const started = pagefindChildren().filter((pid) => !service.includes(pid));
      expect(started).toHaveLength(1);
    } finally {
      await next.close();
    }
  });
});
