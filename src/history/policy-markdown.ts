import { stringify } from "yaml";
import type { Site } from "../content/site-json.ts";
import { publicUrl } from "../lib/urls.ts";

/** The facts of a version its Markdown source states. */
export interface MarkdownVersion {
  effectiveDate: string;
  summary: string;
  url: string;
  policy: { sections: ReadonlyArray<{ id: string; title: string; body: string }> };
}

/**
 * A version's whole policy as the Markdown it was written in (`/history/<date>/policy.md`): the
 * facts in front matter, then each section as a level-1 heading with its id, followed by its
 * body exactly as its file holds it, so its clauses (`##`) sit under it. Notes keep their labels
 * from their own section, and summaries are there as written (they are not part of the policy).
 */
export function policyMarkdown(version: MarkdownVersion, site: Site): string {
  const url = publicUrl(site, version.url);
  const facts = {
    policyName: site.policyName,
    documentTitle: site.documentTitle,
    organisation: site.organisation,
    lang: site.lang,
    effectiveDate: version.effectiveDate,
    summary: version.summary,
    url,
    json: `${url}policy.json`,
    provenance: { ...site.provenance },
  };
  const sections = version.policy.sections.map(
    (section) => `# ${section.title.trim()} {#${section.id}}\n\n${section.body.replace(/^\s*\n|\s+$/g, "")}\n`,
  );
  return `---\n${stringify(facts, { lineWidth: 0 })}---\n\n${sections.join("\n")}`;
}
