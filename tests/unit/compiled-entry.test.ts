import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compiledEntry, sourceDigest, sourceFiles } from "../../src/tools/compiled-entry.js";

const projects = mkdtempSync(path.join(tmpdir(), "compiled-entry-"));
afterAll(() => rmSync(projects, { recursive: true, force: true }));

/** A project with one command entry that imports a module of ours, statically and lazily. */
function project(name: string): string {
  const root = path.join(projects, name);
  mkdirSync(path.join(root, "src", "lib"), { recursive: true });
  mkdirSync(path.join(root, "scripts"), { recursive: true });
  writeFileSync(
    path.join(root, "src", "lib", "where.ts"),
    "export const where: { dirname: string; url: string } = { dirname: import.meta.dirname, url: import.meta.url };\n",
  );
  writeFileSync(path.join(root, "src", "lib", "later.ts"), 'export const later = "loaded when asked for";\n');
  writeFileSync(
    path.join(root, "scripts", "hello.ts"),
    'import { where } from "../src/lib/where.ts";\nexport const lazy = () => import("../src/lib/later.ts");\nexport { where };\n',
  );
  writeFileSync(path.join(root, "README.md"), "not a source\n");
  return root;
}

const cacheOf = (root: string): string => path.join(root, "node_modules", ".cache", "policy-site");

describe("a command's entry, compiled", () => {
  it("is made from every TypeScript, JavaScript and JSON file under src/ and scripts/", () => {
    const root = project("sources");
    expect(sourceFiles(root)).toEqual(["scripts/hello.ts", "src/lib/later.ts", "src/lib/where.ts"]);
  });

  it("gets a new digest when a source changes, is added, or the project moves, and keeps it otherwise", () => {
    const root = project("digest");
    const first = sourceDigest(root);
    expect(sourceDigest(root)).toBe(first);
    writeFileSync(path.join(root, "README.md"), "changed, but not a source\n");
    expect(sourceDigest(root)).toBe(first);
    writeFileSync(path.join(root, "src", "lib", "later.ts"), 'export const later = "changed";\n');
    const changed = sourceDigest(root);
    expect(changed).not.toBe(first);
    writeFileSync(path.join(root, "src", "new.ts"), "export {};\n");
    expect(sourceDigest(root)).not.toBe(changed);
    expect(sourceDigest(project("digest-copy"))).not.toBe(first);
  });

  it("runs as its sources would: each module's own import.meta, and lazy imports still lazy", async () => {
    const root = project("runs");
    const file = await compiledEntry(root, "scripts/hello.ts");
    expect(path.dirname(path.dirname(file))).toBe(cacheOf(root));
    const compiled = await import(pathToFileURL(file).href);
    expect(compiled.where).toEqual({
      dirname: path.join(root, "src", "lib"),
      url: pathToFileURL(path.join(root, "src", "lib", "where.ts")).href,
    });
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith(".mjs"))).toHaveLength(2);
    expect((await compiled.lazy()).later).toBe("loaded when asked for");
  });

  it("is compiled again after a change, once however many commands start at once, and old bundles go in time", async () => {
    const root = project("again");
    const first = await compiledEntry(root, "scripts/hello.ts");
    expect(await compiledEntry(root, "scripts/hello.ts")).toBe(first);
    // An hour old: removed when the next bundle is made.
    utimesSync(path.dirname(first), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(path.join(root, "src", "lib", "later.ts"), 'export const later = "changed";\n');
    const again = await Promise.all([1, 2, 3].map(() => compiledEntry(root, "scripts/hello.ts")));
    expect(new Set(again).size).toBe(1);
    expect(again[0]).not.toBe(first);
    expect(readdirSync(cacheOf(root))).toEqual([path.basename(path.dirname(again[0]))]);
    expect(statSync(again[0]).isFile()).toBe(true);
  });
});
