import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BACKGROUNDS, brandCss, contrastFailures, parseColour, passingShade } from "../../src/content/brand.ts";
import { readLogo } from "../../src/content/logo.ts";
import { checkBrand } from "../../src/content/site-brand.ts";
import { projectRoot } from "../../src/options.ts";

describe("brand colours", () => {
  it("are read as any opaque CSS colour and written #rrggbb", () => {
    expect(["#0B6E4F", "rebeccapurple", "rgb(10 79 191)", "#0a4fbf80", "blue-ish"].map(parseColour)).toEqual([
      "#0b6e4f",
      "#663399",
      "#0a4fbf",
      undefined,
      undefined,
    ]);
  });

  it("fail where a background of the scheme gives less than 4.5:1, with the ratio", () => {
    expect(contrastFailures("#0a4fbf", "light")).toEqual([]);
    const [failure] = contrastFailures("#0b6e4f", "dark");
    expect(failure).toMatchObject({ scheme: "dark", background: "#121417" });
    expect(failure.ratio).toBeCloseTo(2.95, 2);
  });

  it("come with a passing shade of the same colour", () => {
    for (const scheme of ["light", "dark"] as const) {
      expect(contrastFailures(passingShade("#2fc08f", scheme), scheme)).toEqual([]);
    }
  });

  it("are checked against the backgrounds site.css really has", () => {
    const css = readFileSync(path.join(projectRoot, "assets", "site.css"), "utf8");
    const [light, dark] = css.split("@media (prefers-color-scheme: dark)");
    for (const [scheme, block] of [
      ["light", light],
      ["dark", dark],
    ] as const) {
      for (const [name, value] of Object.entries(BACKGROUNDS[scheme])) {
        expect(new RegExp(`${name}: (#[0-9a-f]{6});`).exec(block)?.[1], `${scheme} ${name}`).toBe(value);
      }
    }
  });

  it("become screen-only custom properties, so print stays black on white", () => {
    expect(brandCss({ light: "#0b6e4f", dark: "#6fcfa8" })).toBe(
      "@media screen{:root{--link:#0b6e4f;--focus:#0b6e4f}}\n@media screen and (prefers-color-scheme:dark){:root{--link:#6fcfa8;--focus:#6fcfa8}}",
    );
  });
});

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "brand-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const svg = (inner = "") => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">${inner}</svg>`;

describe("the brand in site.json", () => {
  it("refuses an accent that fails in the dark scheme, naming the key's line, the pair and a shade that passes", () => {
    const dir = folderWith({ "site.json": '{\n  "brand": {\n    "accent": "#0b6e4f"\n  }\n}\n' });
    const site = path.join(dir, "site.json");
    expect(() => checkBrand({ accent: "#0b6e4f" }, site, "site.json")).toThrow(
      /^site\.json:3: the brand colour `accent` fails contrast: #0b6e4f on the page background \(#121417\) in the dark scheme: 2\.95:1, below 4\.5:1\n {2}→ The accent is also used in the dark scheme: add `"accentDark"` with a lighter shade, e\.g\. "#[0-9a-f]{6}"/,
    );
  });

  it("accepts an accent for each scheme and reads the logo's size", () => {
    const dir = folderWith({ "site.json": "{}", "logo.svg": svg() });
    const brand = checkBrand(
      { accent: "#0b6e4f", accentDark: "#6fcfa8", logo: "logo.svg" },
      path.join(dir, "site.json"),
      "site.json",
    );
    expect(brand.accent).toEqual({ light: "#0b6e4f", dark: "#6fcfa8" });
    expect([brand.logo?.width, brand.logo?.height]).toEqual([40, 20]);
  });

  it.each([
    ["missing.svg", {}, /does not exist/],
    ["../site.json", {}, /outside the content folder/],
    ["logo.gif", { "logo.gif": "GIF89a" }, /not an SVG, PNG or WebP/],
    ["logo.svg", { "logo.svg": svg("<script>alert(1)</script>") }, /contains a <script> element/],
    ["logo.svg", { "logo.svg": svg('<image href="https://cdn.example/x.png"/>') }, /contains a link to another server/],
    ["logo.svg", { "logo.svg": svg('<rect onload="x()"/>') }, /contains an event handler attribute/],
    [
      "logo.svg",
      { "logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'></svg>" },
      /size of the logo .* cannot be read/,
    ],
    ["logo.svg", { "logo.svg": svg(`<!--${"x".repeat(60 * 1024)}-->`) }, /is 61 KB, more than 50 KB/],
  ])("refuses the logo %s when it is not a small plain image beside site.json", (name, files, problem) => {
    const result = readLogo(folderWith(files), name);
    expect("problem" in result && result.problem).toMatch(problem);
  });
});
