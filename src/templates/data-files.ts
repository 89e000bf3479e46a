import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../content/site-json.ts";
import type { PolicyVersion } from "../history/history.ts";
import { policyDocument } from "../history/policy-data.ts";
import { policyMarkdown } from "../history/policy-markdown.ts";
import { fileOf } from "../lib/urls.ts";
import { projectRoot } from "../options.ts";

/** The schema of every version's JSON, kept in the repository and published beside the versions. */
export const POLICY_SCHEMA = path.join(projectRoot, "schemas", "policy.schema.json");
export const SCHEMA_PATH = "/history/policy.schema.json";

/** A file of the site, by its site path, with its text. */
export interface DataFile {
  sitePath: string;
  text: string;
}

/**
 * Every version's text as data (docs/editing.md, “The text as data”): its Markdown source and its
 * JSON document beside its page, and the JSON's schema once. Linked from each version's page, and
 * the JSON from the head of every page that shows that version.
 */
export function dataFiles(site: Site, versions: readonly PolicyVersion[], schema: string): DataFile[] {
  return [
    { sitePath: SCHEMA_PATH, text: schema },
    ...versions.flatMap((version) => [
      { sitePath: `${version.url}policy.json`, text: `${JSON.stringify(policyDocument(version, site), null, 2)}\n` },
      { sitePath: `${version.url}policy.md`, text: policyMarkdown(version, site) },
    ]),
  ];
}

/** Writes the data files into the built site. */
export function writeDataFiles(site: Site, versions: readonly PolicyVersion[], siteDir: string): void {
  for (const file of dataFiles(site, versions, readFileSync(POLICY_SCHEMA, "utf8"))) {
    const target = path.join(siteDir, fileOf(file.sitePath));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
