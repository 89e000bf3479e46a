import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentError } from "../lib/problems.ts";
import { contrastFailures, describeFailure, parseColour, passingShade, type Scheme } from "./brand.ts";
import { type Logo, readLogo } from "./logo.ts";

const colour = z
  .string()
  .refine((text) => parseColour(text) !== undefined, "must be an opaque CSS colour, e.g. #0a4fbf");

/** `brand` in site.json: an accent colour (and one for the dark scheme), and a logo file. */
export const brandSchema = z
  .object({
    /** Links, focus rings and buttons; in the dark scheme too unless `accentDark` is given. */
    accent: colour,
    accentDark: colour.optional(),
    /** A file beside site.json (SVG, PNG or WebP), shown before the site's name in every header. */
    logo: z.string().min(1).optional(),
  })
  .strict();

export type BrandFile = z.infer<typeof brandSchema>;

/** The brand as the pages use it: colours checked and written #rrggbb, the logo read. */
export interface Brand {
  accent: { light: string; dark: string };
  logo?: Logo;
}

/** The line of `"key":` in the file, for the error (JSON has no other way to name a place). */
function keyLine(file: string, key: string): number | undefined {
  const index = readFileSync(file, "utf8")
    .split("\n")
    .findIndex((line) => line.includes(`"${key}"`));
  return index === -1 ? undefined : index + 1;
}

/**
 * Checks `brand` from site.json: each accent must read as text (4.5:1) on every background of its
 * scheme, and the logo must be a small, plain image beside site.json. The first problem is thrown
 * as a ContentError naming the key's line, the pair of colours and the ratio.
 */
export function checkBrand(brand: BrandFile, siteFile: string, shownAs: string): Brand {
  const accent = { light: parseColour(brand.accent)!, dark: parseColour(brand.accentDark ?? brand.accent)! };
  for (const scheme of ["light", "dark"] as Scheme[]) {
    const [failure] = contrastFailures(accent[scheme], scheme);
    if (!failure) continue;
    const key = scheme === "dark" && brand.accentDark ? "accentDark" : "accent";
    const fix =
      scheme === "dark" && !brand.accentDark
        ? `The accent is also used in the dark scheme: add \`"accentDark"\` with a lighter shade, e.g. "${passingShade(accent.dark, "dark")}".`
        : `Choose a ${scheme === "light" ? "darker" : "lighter"} shade, e.g. "${passingShade(accent[scheme], scheme)}".`;
    throw new ContentError(
      shownAs,
      `the brand colour \`${key}\` fails contrast: ${describeFailure(accent[scheme], failure)}`,
      `${fix} Links and buttons in the accent must read as text (WCAG 1.4.3).`,
      keyLine(siteFile, key),
    );
  }
  if (brand.logo === undefined) return { accent };
  const logo = readLogo(path.dirname(siteFile), brand.logo);
  if ("problem" in logo) throw new ContentError(shownAs, logo.problem, logo.hint, keyLine(siteFile, "logo"));
  return { accent, logo };
}
