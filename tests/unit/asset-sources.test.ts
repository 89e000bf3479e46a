import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { BuildReuse } from "../../src/pipeline/build-reuse.ts";
import { AssetSources, loaderFor } from "../../src/templates/asset-sources.ts";
import { assetSettingsKey, collectAssets } from "../../src/templates/assets.ts";

let dir = "";
let outside = "";
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "asset-sources-"));
  // A script that imports a module from its own folder and one from outside it, as compare-view.js does.
  outside = mkdtempSync(path.join(tmpdir(), "asset-sources-lib-"));
  mkdirSync(path.join(dir, "parts"));
  writeFileSync(path.join(dir, "parts", "words.js"), 'export const word = "first";\n');
  writeFileSync(path.join(outside, "dates.ts"), 'export const when: string = "today";\n');
  writeFileSync(
    path.join(dir, "main.js"),
    `import { word } from "./parts/words.js";\nimport { when } from ${JSON.stringify(path.join(outside, "dates.ts"))};\nconsole.log(word, when);\n`,
  );
  writeFileSync(path.join(dir, "site.css"), "body { color: black; }\n");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("the files assets are made from", () => {
  it("are every file read, the modules a bundle imports from anywhere included", async () => {
    const sources = new AssetSources();
    await collectAssets(dir, "/", {}, sources);
    expect(sources.files()).toEqual(
      [
        path.join(dir, "main.js"),
        path.join(dir, "parts", "words.js"),
        path.join(dir, "site.css"),
        path.join(outside, "dates.ts"),
      ].sort(),
    );
    expect(sources.unchanged()).toBe(true);
  });

  it("are changed when a file read holds other bytes, is deleted, or the folder holds another file", async () => {
    const changes = [
      () => writeFileSync(path.join(dir, "parts", "words.js"), 'export const word = "second";\n'),
      () => writeFileSync(path.join(outside, "dates.ts"), 'export const when: string = "tomorrow";\n'),
      () => unlinkSync(path.join(dir, "site.css")),
      () => writeFileSync(path.join(dir, "print.css"), "a { color: red; }\n"),
    ];
    for (const change of changes) {
      const sources = new AssetSources();
      await collectAssets(dir, "/", {}, sources);
      change();
      expect(sources.unchanged()).toBe(false);
    }
  });

  it("are read by esbuild as it would read them itself", () => {
    expect(["a.ts", "a.mts", "a.js", "a.mjs", "a.json", "a.css", "a.tsx"].map(loaderFor)).toEqual([
      "ts",
      "ts",
      "js",
      "js",
      "json",
      "css",
      "tsx",
    ]);
  });

  it("bundle the same as before they were recorded", async () => {
    const assets = await collectAssets(path.join(projectRoot, "assets"));
    expect(assets["compare-view.js"].content.toString()).toContain("Compare");
    expect(assets["search.js"].content.toString()).not.toMatch(/from"\.\/search\//);
  });
});

describe("a rebuild's assets", () => {
  it("are the last build's while nothing they were made from changed", async () => {
    const reuse = new BuildReuse();
    const first = await reuse.assets(dir, "/", {});
    expect(await reuse.assets(dir, "/", {})).toBe(first);
    await reuse.close();
  });

  it("are collected again after a module changed, with the change in them", async () => {
    const reuse = new BuildReuse();
    const first = await reuse.assets(dir, "/", {});
    writeFileSync(path.join(outside, "dates.ts"), 'export const when: string = "tomorrow";\n');
    const second = await reuse.assets(dir, "/", {});
    expect(second["main.js"].content.toString()).toContain("tomorrow");
    expect(second["main.js"].url).not.toBe(first["main.js"].url);
    await reuse.close();
  });

  it("are collected again for another path prefix or other extras", async () => {
    const reuse = new BuildReuse();
    const first = await reuse.assets(dir, "/", {});
    const prefixed = await reuse.assets(dir, "/policy/", {});
    expect(prefixed).not.toBe(first);
    const branded = await reuse.assets(dir, "/policy/", { siteCss: ":root { --brand: red; }" });
    expect(branded["site.css"].content.toString()).toContain("red");
    await reuse.close();
  });

  it("keyed by the settings besides the files: equal settings, equal keys", () => {
    const logo = { logo: { fileName: "logo.svg", content: Buffer.from("<svg/>") } };
    expect(assetSettingsKey("/", {})).toBe(assetSettingsKey("/", {}));
    expect(assetSettingsKey("/", { files: logo })).toBe(assetSettingsKey("/", { files: logo }));
    expect(assetSettingsKey("/", {})).not.toBe(assetSettingsKey("/p/", {}));
    expect(assetSettingsKey("/", {})).not.toBe(assetSettingsKey("/", { siteCss: "a{}" }));
    expect(assetSettingsKey("/", { files: logo })).not.toBe(
      assetSettingsKey("/", { files: { logo: { fileName: "logo.svg", content: Buffer.from("<svg></svg>") } } }),
    );
  });
});
