import { describe, expect, it } from "vitest";
import { withoutUnusedStyles } from "../../src/templates/assets.ts";

const asset = (url: string) => ({ url, content: Buffer.from("x") });
const assets = { "site.css": asset("/assets/site.1.css"), "rich-text.css": asset("/assets/rich-text.1.css") };

describe("the rich-text stylesheet in the output", () => {
  it("is published when some page's text has rich text", () => {
    expect(Object.keys(withoutUnusedStyles(assets, true))).toEqual(["site.css", "rich-text.css"]);
  });

  it("is left out when no page would load it", () => {
    expect(Object.keys(withoutUnusedStyles(assets, false))).toEqual(["site.css"]);
  });
});
