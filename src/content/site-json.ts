import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "../lib/json-file.ts";
import { ContentError } from "../lib/problems.ts";
import { normalizeSiteUrl } from "../options.ts";
import { ID_PATTERN } from "./ids.ts";
import { type Brand, brandSchema, checkBrand } from "./site-brand.ts";

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

/**
 * What changed in one section and why, in one line: shown beside the section's changes on the
 * compare and changes pages, in its history and in the feed. Not part of the policy.
 */
export const changeNote = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(300, "must fit on one line (300 characters)")
  .refine((text) => !/[\r\n]/.test(text), "must be one line");

/** A version's change notes, by the id of the section each is about. */
export const changeNotes = z.record(z.string().regex(ID_PATTERN, "must be a section id"), changeNote);

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
    /** The current version's notes on what changed in each section and why; earlier versions keep theirs in version.json. */
    changeNotes: changeNotes.optional(),
    siteUrl: z.string().url(),
    provenance: z
      .object({
        note: z.string().min(1),
        sourceUrl: z.string().url(),
        snapshotUrl: z.string().url(),
        archivedOn: isoDate,
      })
      .strict(),
    /** An accent colour and a logo (docs/editing.md, “Brand”); without it the site keeps its own colours. */
    brand: brandSchema.optional(),
  })
  .strict();

export type SiteFile = z.infer<typeof siteSchema>;

export interface Site extends SiteFile {
  /** Where the site is mounted on its host: "/" or "/privacy/". */
  pathPrefix: string;
  /** `brand`, checked: contrast of the accents, the logo file read (src/content/site-brand.ts). */
  checkedBrand?: Brand;
}

/** Reads `site.json` from the content folder; the `siteUrl` and `pathPrefix` options, where given, win. */
export function readSiteJson(contentDir: string, options: { siteUrl?: string; pathPrefix: string }): Site {
  const file = path.join(contentDir, "site.json");
  const data = readJsonFile(file, file, siteSchema, {
    what: "site data",
    unreadable: "Keep site.json as valid JSON beside the section files.",
    invalid: "Fix the listed keys (see docs/editing.md, “Site data”).",
  });
  let siteUrl = options.siteUrl;
  try {
    siteUrl ??= normalizeSiteUrl(data.siteUrl, "siteUrl");
  } catch (error) {
    throw new ContentError(
      file,
      (error as Error).message.split("\n")[0],
      "Give the public origin, e.g. https://example.com.",
    );
  }
  const checkedBrand = data.brand && checkBrand(data.brand, file, file);
  return { ...data, siteUrl, pathPrefix: options.pathPrefix, ...(checkedBrand ? { checkedBrand } : {}) };
}
