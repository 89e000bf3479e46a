import type { Site } from "../content/site-json.ts";
import { publicUrl } from "../lib/urls.ts";

/** The facts of a version its pages describe. */
export interface DescribedVersion {
  effectiveDate: string;
  url: string;
  announced?: string;
  corrections: ReadonlyArray<{ date: string }>;
}

/**
 * Characters that could end the `<script>` element or change how its text is read, written as
 * JSON escapes: `</script>` in a title cannot close the element, and the JSON stays the same JSON.
 * https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * schema.org JSON-LD for a page that shows a version of the policy: a WebPage about the policy as
 * a DigitalDocument, with its version (the effective date), when it was published and last
 * modified (a correction modifies it), who publishes it, its data files, and what it is based on
 * (the archived original, site.json's provenance). https://schema.org/DigitalDocument
 */
export function structuredData(version: DescribedVersion, site: Site, sitePath: string): string {
  const versionUrl = publicUrl(site, version.url);
  const { provenance } = site;
  return scriptSafeJson({
    "@context": "https://schema.org",
    "@type": "WebPage",
    url: publicUrl(site, sitePath),
    inLanguage: site.lang,
    about: {
      "@type": "DigitalDocument",
      "@id": `${versionUrl}#document`,
      name: site.documentTitle,
      url: versionUrl,
      version: version.effectiveDate,
      datePublished: version.announced ?? version.effectiveDate,
      dateModified: version.corrections.at(-1)?.date ?? version.effectiveDate,
      inLanguage: site.lang,
      publisher: { "@type": "Organization", name: site.organisation },
      isBasedOn: { "@type": "CreativeWork", url: provenance.sourceUrl, archivedAt: provenance.snapshotUrl },
      encoding: [
        { "@type": "MediaObject", contentUrl: `${versionUrl}policy.json`, encodingFormat: "application/json" },
        { "@type": "MediaObject", contentUrl: `${versionUrl}policy.md`, encodingFormat: "text/markdown" },
      ],
    },
  });
}
