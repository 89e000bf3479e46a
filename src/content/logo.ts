import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { imageSize as ImageSize } from "image-size";

/**
 * image-size, read from its CommonJS build when a logo is read: its ES module build took about
 * 0.03 s to load on every build, with a logo or not (docs/performance.md, round 8).
 */
const imageSize: typeof ImageSize = (input) =>
  (createRequire(import.meta.url)("image-size") as { imageSize: typeof ImageSize }).imageSize(input);

/** A logo file from the content folder, checked, with the size the header reserves for it. */
export interface Logo {
  /** Its file name, e.g. "logo.svg" (the asset is published under a fingerprinted name). */
  name: string;
  content: Buffer;
  width: number;
  height: number;
}

/** Every page shows it in the header, so it is kept small. */
export const LOGO_MAX_BYTES = 50 * 1024;
const TYPES = ["svg", "png", "webp"];

/**
 * What an SVG logo may not contain: scripts and handlers (the file is also served on its own,
 * where they would run) and references to other servers (the site requests nothing from them).
 */
const SVG_REFUSED: Array<[RegExp, string]> = [
  [/<script\b/i, "a <script> element"],
  [/\son[a-z]+\s*=/i, "an event handler attribute"],
  [/<foreignObject\b/i, "a <foreignObject> element"],
  [/javascript:/i, "a javascript: address"],
  [/(?:href|src)\s*=\s*["']?\s*(?:https?:)?\/\//i, "a link to another server"],
  [/url\(\s*["']?\s*(?:https?:)?\/\//i, "a url() to another server"],
  [/@import\b/i, "an @import"],
];

/** Reads and checks `brand.logo`; a problem is returned as the words of an error, not thrown. */
export function readLogo(contentDir: string, name: string): Logo | { problem: string; hint: string } {
  const file = path.resolve(contentDir, name);
  const inside = path.relative(contentDir, file);
  if (inside.startsWith("..") || path.isAbsolute(inside))
    return {
      problem: `the logo \`${name}\` is outside the content folder`,
      hint: 'Put the logo file beside site.json and give its name, e.g. "logo.svg".',
    };
  if (!existsSync(file) || !statSync(file).isFile())
    return {
      problem: `the logo file \`${name}\` does not exist`,
      hint: "Put the logo file beside site.json, or remove `logo` from `brand`.",
    };
  const type = path.extname(file).slice(1).toLowerCase();
  if (!TYPES.includes(type))
    return {
      problem: `the logo \`${name}\` is not an SVG, PNG or WebP file`,
      hint: "Save the logo as SVG (best: sharp at every size), PNG or WebP.",
    };
  const content = readFileSync(file);
  if (content.length > LOGO_MAX_BYTES)
    return {
      problem: `the logo \`${name}\` is ${Math.ceil(content.length / 1024)} KB, more than ${LOGO_MAX_BYTES / 1024} KB`,
      hint: "Every page loads it: export it smaller (an SVG, or a PNG about 200 px high).",
    };
  if (type === "svg") {
    const found = SVG_REFUSED.find(([pattern]) => pattern.test(content.toString("utf8")));
    if (found)
      return {
        problem: `the logo \`${name}\` contains ${found[1]}`,
        hint: "Export the logo as a plain drawing (paths and shapes), or as a PNG.",
      };
  }
  let size: { width?: number; height?: number };
  try {
    size = imageSize(content);
  } catch {
    size = {};
  }
  if (!size.width || !size.height)
    return {
      problem: `the size of the logo \`${name}\` cannot be read`,
      hint: "Give the SVG a viewBox (or width and height), or save it again as PNG.",
    };
  return { name: path.basename(file), content, width: size.width, height: size.height };
}
