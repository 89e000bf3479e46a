import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { projectRoot } from "../options.ts";
import { addTemplateData, type TemplateData } from "../templates/template-data.ts";

/**
 * The template stage: Eleventy renders pages/ with layouts/ into `siteDir`, given the data the
 * build loaded. `source: "cli"` makes the output folder given here win over the config's, and
 * the config callback is how the data gets in. https://www.11ty.dev/docs/programmatic/
 */
export async function runEleventy(
  siteDir: string,
  data: TemplateData,
  options: { quiet?: boolean } = {},
): Promise<void> {
  const eleventy = new Eleventy(path.join(projectRoot, "pages"), siteDir, {
    configPath: path.join(projectRoot, ".eleventy.ts"),
    source: "cli",
    quietMode: options.quiet ?? true,
    pathPrefix: data.site.pathPrefix,
    config: (eleventyConfig: Parameters<typeof addTemplateData>[0]) => addTemplateData(eleventyConfig, data),
  });
  await eleventy.write();
}
