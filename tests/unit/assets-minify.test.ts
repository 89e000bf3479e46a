import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/options.ts";
import { collectAssets, minifyAsset } from "../../src/templates/assets.ts";

describe("minified assets", () => {
  it("drop comments and spaces from stylesheets and keep their rules and URLs", async () => {
    const css =
      '/* why */\n:root {\n  --icon: url("/assets/icon.1234abcd.svg");\n}\n\n@media print {\n  .site-header { display: none; }\n}\n';
    const minified = await minifyAsset("site.css", css);
    expect(minified).not.toContain("why");
    expect(minified.length).toBeLessThan(css.length * 0.8);
    expect(minified).toContain("/assets/icon.1234abcd.svg");
    expect(minified).toMatch(/@media print\{\.site-header\{display:none\}\}/);
  });

  it("keep a script an ES module with its imports, and leave other files alone", async () => {
    const js =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the script under test holds a template literal.
      '// comment\nimport "./other.js";\nconst prefix = "/";\nexport const api = import(`${prefix}pagefind/pagefind.js`);\n';
    const minified = await minifyAsset("search.js", js);
    expect(minified).toContain('import"./other.js"');
    expect(minified).toMatch(/import\(`\$\{\w+\}pagefind\/pagefind\.js`\)/);
    expect(minified).not.toContain("comment");
    expect(minified).toMatch(/export\s*\{/);
    expect(await minifyAsset("icon.svg", "<svg> <!-- kept --> </svg>")).toBe("<svg> <!-- kept --> </svg>");
  });

  it("are what the build writes for our stylesheet and scripts", async () => {
    const assets = await collectAssets(path.join(projectRoot, "assets"));
    const source = readFileSync(path.join(projectRoot, "assets", "site.js"), "utf8");
    expect(assets["site.js"].content.toString()).toBe(await minifyAsset("site.js", source));
    expect(assets["site.js"].content.length).toBeLessThan(source.length);
    expect(assets["site.css"].content.toString()).not.toMatch(/\/\*|\n {2}/);
  });
});
