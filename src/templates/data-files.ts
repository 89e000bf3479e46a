import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../content/site-json.ts";
import type { PolicyVersion } from "../history/history.ts";
import { policyDocument } from "../history/policy-data.ts";
import { policyMarkdown } from "../history/policy-markdown.ts";
import { fileOf, publicUrl } from "../lib/urls.ts";
import { projectRoot } from "../options.ts";

/** The schema of every version's JSON, kept in the repository and published beside the versions. */
export const POLICY_SCHEMA = path.join(projectRoot, "schemas", "policy.schema.json");
export const SCHEMA_PATH = "/history/policy.schema.json";
/** The list of every version (`versionsDocument`), and its schema. */
export const VERSIONS_SCHEMA = path.join(projectRoot, "schemas", "versions.schema.json");
export const VERSIONS_PATH = "/history/versions.json";
export const VERSIONS_SCHEMA_PATH = "/history/versions.schema.json";

/** A file of the site, by its site path, with its text. */
export interface DataFile {
  sitePath: string;
  text: string;
}

/**
 * Every version listed, oldest first, with its status on the build's day, its summary and notes,
 * and where its data is: an index for tools that track the policy, and what the compare view
 * reads to compare two versions in the browser (assets/compare-view.js).
 */
export function versionsDocument(site: Site, versions: readonly PolicyVersion[]) {
  const current = versions.find((version) => version.current);
  return {
    $schema: publicUrl(site, VERSIONS_SCHEMA_PATH),
    policyName: site.policyName,
    url: publicUrl(site, "/history/"),
    current: current?.effectiveDate,
    versions: [...versions]
      .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1))
      .map((version) => ({
        effectiveDate: version.effectiveDate,
        ...(version.announced ? { announcedOn: version.announced } : {}),
        status: version.status,
        summary: version.summary,
        url: publicUrl(site, version.url),
        json: publicUrl(site, `${version.url}policy.json`),
        markdown: publicUrl(site, `${version.url}policy.md`),
        changeNotes: { ...version.changeNotes },
      })),
  };
}

/**
 * Every version's text as data (docs/editing.md, “The text as data”): its Markdown source and its
 * JSON document beside its page, the JSON's schema once, and the list of versions with its schema.
 * Linked from each version's page and from /history/, and the JSON from the head of every page that
 * shows that version.
 */
export function dataFiles(
  site: Site,
  versions: readonly PolicyVersion[],
  schemas: { policy: string; versions: string },
): DataFile[] {
  return [
    { sitePath: SCHEMA_PATH, text: schemas.policy },
    { sitePath: VERSIONS_SCHEMA_PATH, text: schemas.versions },
    { sitePath: VERSIONS_PATH, text: `${JSON.stringify(versionsDocument(site, versions), null, 2)}\n` },
    ...versions.flatMap((version) => [
      { sitePath: `${version.url}policy.json`, text: `${JSON.stringify(policyDocument(version, site), null, 2)}\n` },
      { sitePath: `${version.url}policy.md`, text: policyMarkdown(version, site) },
    ]),
  ];
}

/** Writes the data files into the built site. */
export function writeDataFiles(site: Site, versions: readonly PolicyVersion[], siteDir: string): void {
  const schemas = { policy: readFileSync(POLICY_SCHEMA, "utf8"), versions: readFileSync(VERSIONS_SCHEMA, "utf8") };
  for (const file of dataFiles(site, versions, schemas)) {
    const target = path.join(siteDir, fileOf(file.sitePath));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
