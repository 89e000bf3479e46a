/**
 * Every page must be valid HTML: html-validate with its recommended rules plus the ones for whole
 * documents. https://html-validate.org/rules/presets.html
 */
import { type ConfigData, HtmlElement, HtmlValidate, type ResolvedConfig, StaticConfigLoader } from "html-validate";
import { linearRules } from "./linear-rules.ts";

/** The rules, with a reason beside each change to the presets. */
export const htmlValidateConfig: ConfigData = {
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // Style, not validity: the HTML standard itself writes `<!doctype html>` in lower case.
    "doctype-style": "off",
    // Indentation left by templates around skipped blocks; invisible to readers.
    "no-trailing-whitespace": "off",
    // Eleventy's HTML rewriting (HtmlBasePlugin) writes boolean attributes as `hidden=""`, which is valid
    // (under a PATH_PREFIX, `<option selected>` and `<details open>` come out as `selected=""`, `open=""`).
    "attribute-empty-style": "off",
    "attribute-boolean-style": "off",
    // Section titles are the policy's own headings, word for word, and some are long.
    "long-title": "off",
    // Subresource Integrity guards files from other origins; every file here is our own, and the
    // CSP allows no other origin. A cross-origin file would still be reported.
    "require-sri": ["error", { target: "crossorigin" }],
    // The same checks, in linear time: html-validate's own search the whole page for every id
    // referenced, which on a whole-policy page of many sections takes minutes (src/checks/linear-rules.ts).
    "no-missing-references": "off",
    "unique-landmark": "off",
    "linear/no-missing-references": "error",
    "linear/unique-landmark": "error",
  },
  plugins: [linearRules],
};

/**
 * StaticConfigLoader resolves the configuration again, element metadata and all, for every page
 * it validates: half the time of a section page. The configuration never changes here, so it is
 * resolved once. https://html-validate.org/dev/using-api.html
 */
class ResolveOnceConfigLoader extends StaticConfigLoader {
  #resolved?: ResolvedConfig | Promise<ResolvedConfig>;

  override getConfigFor(handle: string, override?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (override) return super.getConfigFor(handle, override);
    this.#resolved ??= super.getConfigFor(handle);
    return this.#resolved;
  }
}

/**
 * html-validate 10.17 collects descendants with `reduce` and `concat`, copying the list gathered so
 * far at every child: quadratic in an element's children, and the whole-policy page has one list
 * item and one section per policy section (a 4 MB page: 17 s; with this, 5 s). Same elements, same
 * (document) order, collected with `push`. Remove when html-validate collects them in linear time.
 */
export function descendantsByTagName(root: HtmlElement, tagName: string): HtmlElement[] {
  const matches: HtmlElement[] = [];
  const visit = (node: HtmlElement): void => {
    for (const child of node.childElements) {
      if (child.is(tagName)) matches.push(child);
      visit(child);
    }
  };
  visit(root);
  return matches;
}
HtmlElement.prototype.getElementsByTagName = function (this: HtmlElement, tagName: string) {
  return descendantsByTagName(this, tagName);
};

const validator = new HtmlValidate(new ResolveOnceConfigLoader(htmlValidateConfig));

/** A page by its path in the site ("/search/index.html") and its text. */
export interface HtmlPage {
  file: string;
  text: string;
}

/** Every html-validate error on every page, one line each: "/search/index.html:46:3: message [rule]". */
export async function findInvalidHtml(pages: readonly HtmlPage[]): Promise<string[]> {
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.text, page.file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page.file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
  }
  return problems;
}
