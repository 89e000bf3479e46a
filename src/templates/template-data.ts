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

/** A page's PDF, made by `npm run build -- --pdf` (src/pdf/): what its download link says. */
export interface PdfLink {
  /** Site-relative, like every link in the templates. */
  url: string;
  pages: number;
  bytes: number;
  /** "Download PDF (2 pages, 48 KB)". */
  label: string;
}

/** The global data every template sees: the policy, its history and site facts, our assets, the CSP. */
export interface TemplateData extends PolicyData {
  /** Our CSS, JS and icons by plain name ("site.css"), each with its fingerprinted URL. */
  assets: Record<string, Asset>;
  /** The Content-Security-Policy for the `<meta>` tag (src/deploy/security-headers.ts). */
  csp: string;
  /** Each page's PDF by the page's site path ("/sharing/"); empty unless the build made them. */
  pdfs: Record<string, PdfLink>;
}

export function templateData(
  data: PolicyData,
  assets: Record<string, Asset>,
  pdfs: Record<string, PdfLink> = {},
): TemplateData {
  return { ...data, assets, csp: contentSecurityPolicy({ forMeta: true }), pdfs };
}

/** The slice of Eleventy's config API this needs. */
interface DataHost {
  addGlobalData(name: string, value: unknown): void;
}

const isPlainData = (value: unknown): value is object =>
  Array.isArray(value) ||
  (value !== null && typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value)));

/**
 * Freezes a value and every plain object and array it holds, in place (a Map, a Buffer or a class
 * instance is left as it is, and not looked into). Eleventy copies each plain object of the global
 * data into every template's data, and wraps it in a new proxy each time a paginated page reads it,
 * unless the object is frozen (@11ty/eleventy-utils Merge.js, Eleventy's Util/Objects/ProxyWrap.js);
 * the templates only ever read the policy, so it is handed over frozen.
 */
export function deepFreeze<T>(value: T): T {
  if (!isPlainData(value) || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * Hands the data to Eleventy as values, through the programmatic API's config callback: the
 * templates read what the build already loaded, and nothing is read twice.
 * https://www.11ty.dev/docs/data-global-custom/
 */
export function addTemplateData(eleventyConfig: DataHost, data: TemplateData): void {
  for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, deepFreeze(value));
}
