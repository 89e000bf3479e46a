/**
 * The one rule between a built file and its address. Files are named relative to the site folder
 * ("cookies/index.html"); site paths start with "/" and leave out the host's path prefix
 * ("/cookies/"); public URLs are absolute ("https://example.com/privacy/cookies/").
 */

/** "cookies/index.html" → "/cookies/", "index.html" → "/", "404.html" → "/404.html". */
export function sitePathOf(file: string): string {
  return `/${file.replace(/^\//, "")}`.replace(/(^|\/)index\.html$/, "$1");
}

/** The reverse: "/cookies/" → "cookies/index.html", "/404.html" → "404.html"; a query or fragment is ignored. */
export function fileOf(sitePath: string): string {
  const clean = sitePath.split("#")[0].split("?")[0].replace(/^\//, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

/** Where a site path is served under a mount point: ("/privacy/", "/cookies/") → "/privacy/cookies/". */
export function servedPathOf(pathPrefix: string, sitePath: string): string {
  return `${pathPrefix}${sitePath.replace(/^\//, "")}`;
}

/** A page's public URL, for canonical links, the feed, the sitemap and print headers. */
export function publicUrl(site: { siteUrl: string; pathPrefix: string }, sitePath: string): string {
  return `${site.siteUrl}${servedPathOf(site.pathPrefix, sitePath)}`;
}
