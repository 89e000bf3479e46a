import type { Site } from "../content/site-json.ts";
import { contentSecurityPolicy } from "../deploy/security-headers.ts";
import type { History } from "../history/history.ts";
import type { Policy } from "../render/policy.ts";
import type { Asset } from "./assets.ts";

/** Everything the templates show, read, checked and rendered once per build (src/pipeline/load-policy.ts). */
export interface PolicyData {
  site: Site;
  /** The current policy. */
  policy: Policy;
  /** Every version, the current one included (its text is `policy`, not rendered twice). */
  history: History;
}

/** The global data every template sees: the policy, its history and site facts, our assets, the CSP. */
export interface TemplateData extends PolicyData {
  /** Our CSS, JS and icons by plain name ("site.css"), each with its fingerprinted URL. */
  assets: Record<string, Asset>;
  /** The Content-Security-Policy for the `<meta>` tag (src/deploy/security-headers.ts). */
  csp: string;
}

export function templateData(data: PolicyData, assets: Record<string, Asset>): TemplateData {
  return { ...data, assets, csp: contentSecurityPolicy({ forMeta: true }) };
}

/** The slice of Eleventy's config API this needs. */
interface DataHost {
  addGlobalData(name: string, value: unknown): void;
}

/**
 * Hands the data to Eleventy as values, through the programmatic API's config callback: the
 * templates read what the build already loaded, and nothing is read twice.
 * https://www.11ty.dev/docs/data-global-custom/
 */
export function addTemplateData(eleventyConfig: DataHost, data: TemplateData): void {
  for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, value);
}
