import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import eleventySetup from "../../.eleventy.ts";
import { projectRoot } from "../options.ts";
import { addTemplateData, type TemplateData } from "../templates/template-data.ts";

/**
 * The template stage: Eleventy renders pages/ with layouts/ into `siteDir`, given the data the
 * build loaded. The config callback is how the data and .eleventy.ts's setup get in; `configPath:
 * false` stops Eleventy looking for a config file of its own (a falsy path "skips config files",
 * @11ty/eleventy/src/TemplateConfig.js). https://www.11ty.dev/docs/programmatic/
 */
export async function runEleventy(
  siteDir: string,
  data: TemplateData,
  options: { quiet?: boolean } = {},
): Promise<void> {
  const eleventy = new Eleventy(path.join(projectRoot, "pages"), siteDir, {
    configPath: false as unknown as string,
    quietMode: options.quiet ?? true,
    pathPrefix: data.site.pathPrefix,
    config: (eleventyConfig: UserConfig) => {
      eleventySetup(eleventyConfig);
      addTemplateData(eleventyConfig, data);
    },
  });
  await eleventy.write();
}
