import { readPolicySource } from "../content/read-policy.ts";
import { readSiteJson } from "../content/site-json.ts";
import { buildHistory } from "../history/history.ts";
import { checkArchivedDates, readArchivedVersions } from "../history/read-versions.ts";
import type { SiteOptions } from "../options.ts";
import { markdown } from "../render/markdown.ts";
import { type Policy, renderPolicy } from "../render/policy.ts";
import type { PolicyData } from "../templates/template-data.ts";

/**
 * The first stages of every build, in order: read and check the content and the history (any
 * mistake throws here, before anything is rendered), then render the current policy and every
 * earlier version. The result is handed to Eleventy as plain values.
 */
export function loadPolicyData(options: SiteOptions): PolicyData {
  const site = readSiteJson(options.contentDir, options);
  const sections = readPolicySource(options.contentDir);
  const archived = readArchivedVersions(options.historyDir);
  checkArchivedDates(archived, site.effectiveDate, options.historyDir);
  const policy = renderPolicy(sections, markdown, site.lang);
  const history = buildHistory(
    { effectiveDate: site.effectiveDate, summary: site.summary, sections, policy },
    archived,
  );
  return { site, policy, history };
}

/** The current policy alone, read, checked and rendered: for the authoring scripts and the tests. */
export function loadPolicy(contentDir: string): Policy {
  return renderPolicy(readPolicySource(contentDir));
}
