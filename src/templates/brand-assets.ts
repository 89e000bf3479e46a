import path from "node:path";
import { brandCss } from "../content/brand.ts";
import type { Brand } from "../content/site-brand.ts";
import type { ExtraAssets } from "./assets.ts";

/**
 * The brand as assets: its accents as custom properties after site.css's own (so no inline style
 * is needed, which the CSP forbids), and the logo published as `assets.logo`. No brand, no change:
 * the stylesheet stays byte for byte the site's own.
 */
export function brandAssets(brand: Brand | undefined): ExtraAssets {
  if (!brand) return {};
  const { logo } = brand;
  return {
    siteCss: `\n${brandCss(brand.accent, logo !== undefined)}\n`,
    files: logo ? { logo: { fileName: `logo${path.extname(logo.name)}`, content: logo.content } } : {},
  };
}
