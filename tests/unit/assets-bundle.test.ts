import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { bundleScript, collectAssets, importsModules, minifyAsset } from "../../src/templates/assets.ts";

describe("scripts that import modules", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("are told from scripts that stand alone or only load one later", () => {
    expect(importsModules('// x\nimport { start } from "./search/page.js";\nstart();\n')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the script under test holds a template literal.
    expect(importsModules('if (x) import(`${"/"}pagefind/pagefind-highlight.js`);\n')).toBe(false);
    expect(importsModules(readFileSync(path.join(projectRoot, "assets", "site.js"), "utf8"))).toBe(false);
  });

  it("become one minified file with their modules, and the modules' folder is no asset of its own", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "assets-"));
    mkdirSync(path.join(dir, "parts"));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the module under test holds a template literal.
    const module = "// why\nexport const greeting = (name) => `Hello, ${name}`;\n";
    writeFileSync(path.join(dir, "parts", "words.js"), module);
    writeFileSync(
      path.join(dir, "main.js"),
      'import { greeting } from "./parts/words.js";\nconsole.log(greeting("reader"));\n',
    );
    const bundled = await bundleScript(path.join(dir, "main.js"));
    expect(bundled).toContain("Hello, ");
    expect(bundled).not.toMatch(/import|why/);
    const assets = await collectAssets(dir);
    expect(Object.keys(assets)).toEqual(["main.js"]);
    expect(assets["main.js"].content.toString()).toBe(bundled);
  });

  it("leave a script without imports exactly as minifying alone makes it", async () => {
    const assets = await collectAssets(path.join(projectRoot, "assets"));
    const source = readFileSync(path.join(projectRoot, "assets", "site.js"), "utf8");
    expect(assets["site.js"].content.toString()).toBe(await minifyAsset("site.js", source));
    expect(assets["search.js"].content.toString()).not.toMatch(/from"\.\/search\//);
  });
});
