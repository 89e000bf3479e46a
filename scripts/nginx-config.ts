// npm run nginx-config: prints the nginx config for this site (PATH_PREFIX and SITE_URL from the
// environment, as for the build). deploy/nginx.conf is its output for the defaults.
import { readSiteJson } from "../src/content/site-json.ts";
import { renderNginxConfig } from "../src/deploy/nginx-config.ts";
import { headerRules } from "../src/deploy/security-headers.ts";
import { runCommand } from "../src/lib/command.ts";
import { readSiteOptions } from "../src/options.ts";

await runCommand(() => {
  const options = readSiteOptions(process.env);
  const site = readSiteJson(options.contentDir, options);
  process.stdout.write(renderNginxConfig(headerRules(site.pathPrefix), site));
});
