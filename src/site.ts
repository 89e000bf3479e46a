import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "./json-file.ts";

/** A calendar date written YYYY-MM-DD that exists (no 2014-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text),
    "is not a calendar date",
  );

/** What changed in a version, in one line: shown in the history, the compare view and the feed. */
export const versionSummary = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must fit on one line (200 characters)");

/** Site-wide facts, kept once in `content/site.json`. */
export const siteSchema = z
  .object({
    lang: z.string().min(2),
    organisation: z.string().min(1),
    policyName: z.string().min(1),
    documentTitle: z.string().min(1),
    description: z.string().min(1),
    effectiveDate: isoDate,
    /** The current version's one-line summary; earlier versions keep theirs in history/<date>/version.json. */
    summary: versionSummary,
    siteUrl: z.string().url(),
    provenance: z
      .object({
        note: z.string().min(1),
        sourceUrl: z.string().url(),
        snapshotUrl: z.string().url(),
        archivedOn: isoDate,
      })
      .strict(),
  })
  .strict();

export type SiteFile = z.infer<typeof siteSchema>;

export interface Site extends SiteFile {
  /** Where the site is mounted on its host: "/" or "/privacy/". */
  pathPrefix: string;
}

/** "/", "privacy", "/privacy" and "/privacy/" all mean the same mount point; anything else is refused. */
export function normalizePathPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  if (!/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new Error(
      `PATH_PREFIX "${raw}" is not a URL path: use letters, digits, ".", "_", "~", "-" and "/", e.g. /privacy/`,
    );
  }
  return `/${trimmed}/`;
}

/** The public origin, e.g. https://example.com, without a trailing slash. */
export function normalizeSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL: give the origin, e.g. https://example.com`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new Error(
      `SITE_URL "${raw}" must be an http(s) origin without a path, e.g. https://example.com (put the path in PATH_PREFIX)`,
    );
  }
  return url.origin;
}

/** Joins origin, prefix and a site-relative path ("/cookies/") into the page's public URL. */
export function absoluteUrl(site: Pick<Site, "siteUrl" | "pathPrefix">, sitePath: string): string {
  return `${site.siteUrl}${site.pathPrefix}${sitePath.replace(/^\//, "")}`;
}

/** Reads `site.json` from the content folder; SITE_URL and PATH_PREFIX from the environment win. */
export function loadSite(contentDir: string, env: NodeJS.ProcessEnv = process.env): Site {
  const file = path.join(contentDir, "site.json");
  const data = readJsonFile(file, file, siteSchema, {
    what: "site data",
    unreadable: "Keep site.json as valid JSON beside the section files.",
    invalid: "Fix the listed keys (see README, “Site data”).",
  });
  return {
    ...data,
    siteUrl: normalizeSiteUrl(env.SITE_URL || data.siteUrl),
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
  };
}
