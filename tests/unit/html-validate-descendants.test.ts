import { type DOMReadyEvent, definePlugin, HtmlElement, HtmlValidate, Rule, StaticConfigLoader } from "html-validate";
import { describe, expect, it } from "vitest";

// Kept before src/checks/html-validity.ts replaces it, to compare the two.
const original = HtmlElement.prototype.getElementsByTagName;
const { descendantsByTagName } = await import("../../src/checks/html-validity.ts");

/** html-validate's own collection, with its own recursion. */
function theirs(root: HtmlElement, tagName: string): HtmlElement[] {
  const patched = HtmlElement.prototype.getElementsByTagName;
  HtmlElement.prototype.getElementsByTagName = original;
  try {
    return original.call(root, tagName);
  } finally {
    HtmlElement.prototype.getElementsByTagName = patched;
  }
}

/** Runs `inspect` on the parsed document of `html`, through a rule, the way html-validate's rules see it. */
async function withDocument(html: string, inspect: (document: DOMReadyEvent["document"]) => void): Promise<void> {
  class Inspect extends Rule {
    override setup(): void {
      this.on("dom:ready", ({ document }: DOMReadyEvent) => inspect(document));
    }
  }
  const plugin = definePlugin({ name: "inspect", rules: { "inspect/dom": Inspect } });
  await new HtmlValidate(
    new StaticConfigLoader({ root: true, plugins: [plugin], rules: { "inspect/dom": "error" } }),
  ).validateString(html, "x.html");
}

const html = `<!doctype html><html lang="en"><head><title>t</title></head><body>
<ol><li>a<ol><li>a.1</li><li>a.2<ol><li>a.2.i</li></ol></li></ol></li><li>b</li></ol>
<section><p>x</p><ul><li>c</li></ul><section><li-x>not li</li-x><li>d</li></section></section>
</body></html>`;

describe("descendants by tag name, for html-validate's selectors", () => {
  it("are the same elements in the same order as html-validate's own collection", async () => {
    let checked = 0;
    await withDocument(html, (document) => {
      for (const root of [document.root, ...document.root.childElements, ...theirs(document.root, "section")]) {
        for (const tag of ["li", "ol", "section", "p", "li-x", "table"]) {
          const ours = descendantsByTagName(root, tag);
          // Compared by where each element starts in the source, in order. html-validate's own
          // recurses through the prototype, so it is put back while it runs.
          expect(ours.map((node) => node.location.offset)).toEqual(
            theirs(root, tag).map((node) => node.location.offset),
          );
          checked += ours.length;
        }
      }
    });
    expect(checked).toBeGreaterThan(20);
  });

  it("are what html-validate now uses, with the same selector matches as before", async () => {
    const patched = HtmlElement.prototype.getElementsByTagName;
    expect(patched).not.toBe(original);
    await withDocument(html, (document) => {
      const selectors = ["ol > li", "section li", "body p", "section section li"];
      const matches = (): number[][] =>
        selectors.map((selector) => document.querySelectorAll(selector).map((node) => node.location.offset));
      const ours = matches();
      HtmlElement.prototype.getElementsByTagName = original;
      try {
        expect(ours).toEqual(matches());
      } finally {
        HtmlElement.prototype.getElementsByTagName = patched;
      }
      expect(ours.flat().length).toBeGreaterThan(8);
    });
  });
});
