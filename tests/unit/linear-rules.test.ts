import { HtmlValidate, type RuleConfig, StaticConfigLoader } from "html-validate";
import { describe, expect, it } from "vitest";
import { findInvalidHtml } from "../../src/checks/html-validity.ts";
import { linearRules } from "../../src/checks/linear-rules.ts";

const page = (body: string): string =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>t</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Each rule's reports as "line:column message", so html-validate's own rule and ours can be compared. */
async function reports(rules: RuleConfig, html: string): Promise<string[]> {
  const validator = new HtmlValidate(new StaticConfigLoader({ root: true, plugins: [linearRules], rules }));
  const report = await validator.validateString(html, "page.html");
  return report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.message}`));
}

const REFERENCES = [
  '<label for="name">Name</label><input id="name">',
  '<label for="missing">Name</label><input>',
  '<input list="choices"><datalist id="other"></datalist>',
  '<p aria-describedby="a missing b" id="a">x</p><p id="b">y</p>',
  '<div aria-labelledby="nowhere" aria-controls="" aria-owns="x"></div><span id="x"></span>',
  '<button aria-activedescendant="gone" aria-details="x" aria-errormessage="y" aria-flowto="x y z">b</button><i id="x"></i><i id="y"></i>',
];

const LANDMARKS = [
  "<nav>a</nav><nav>b</nav>",
  '<nav aria-label="Site">a</nav><nav aria-label="Site">b</nav><nav aria-label="Pages">c</nav>',
  '<main><section aria-labelledby="h1"><h2 id="h1">Same</h2></section><section aria-labelledby="h2"><h2 id="h2">Same</h2></section><section aria-labelledby="h3"><h2 id="h3">Other</h2></section></main>',
  '<section aria-labelledby="gone">x</section><section aria-labelledby="gone">y</section>',
  "<section>unnamed</section><section>unnamed too</section><form>f</form><form>g</form>",
  '<header>site</header><main><article><header>not a banner</header></article></main><aside aria-label="x">1</aside><aside>2</aside>',
];

describe("html-validate rules that look up ids through an index", () => {
  it.each(REFERENCES)("report missing references exactly as html-validate does: %s", async (body) => {
    const ours = await reports({ "linear/no-missing-references": "error" }, page(body));
    expect(ours).toEqual(await reports({ "no-missing-references": "error" }, page(body)));
  });

  it.each(LANDMARKS)("report unnamed or duplicate landmarks exactly as html-validate does: %s", async (body) => {
    const ours = await reports({ "linear/unique-landmark": "error" }, page(body));
    expect(ours).toEqual(await reports({ "unique-landmark": "error" }, page(body)));
  });

  it("find something in the cases above, so the comparison means something", async () => {
    expect(await reports({ "linear/no-missing-references": "error" }, page(REFERENCES[3]))).toEqual([
      '5:24 Element references missing id "missing"',
    ]);
    expect(await reports({ "linear/unique-landmark": "error" }, page(LANDMARKS[2]))).toHaveLength(2);
  });

  it("are the ones the post-build check uses", async () => {
    const problems = await findInvalidHtml([
      { file: "/x.html", text: page('<main><p aria-describedby="nope">x</p><nav>a</nav><nav>b</nav></main>') },
    ]);
    expect(problems).toEqual([
      '/x.html:5:28: Element references missing id "nope" [linear/no-missing-references]',
      "/x.html:5:40: Landmarks must have a non-empty and unique accessible name (aria-label or aria-labelledby) [linear/unique-landmark]",
      "/x.html:5:52: Landmarks must have a non-empty and unique accessible name (aria-label or aria-labelledby) [linear/unique-landmark]",
    ]);
  });
});
