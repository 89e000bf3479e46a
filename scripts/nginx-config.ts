// npm run nginx-config: prints the nginx config for this site (PATH_PREFIX and SITE_URL from the
// environment, as for the build). deploy/nginx.conf is its output for the defaults.
import path from "node:path";
import { projectRoot } from "../src/build-site.ts";
import { renderNginxConfig } from "../src/nginx-config.ts";
import { headerRules } from "../src/security-headers.ts";
import { loadSite } from "../src/site.ts";

const site = loadSite(process.env.POLICY_CONTENT_DIR || path.join(projectRoot, "content"));
process.stdout.write(renderNginxConfig(headerRules(site.pathPrefix), site));
