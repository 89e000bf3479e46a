/**
 * Vitest globalSetup: unpack the bundled Chromium once, before the workers
 * start. launchBrowser() is already safe without this, but on a fresh machine
 * every worker would otherwise unpack its own ~200 MB copy in parallel and
 * throw all but one away (6 workers on 2 cores: ~9 s each instead of ~2 s).
 */
import { existsSync } from "node:fs";
import { prepareBundledChromium, resolveChromiumPath } from "./browser.ts";

export default async function setup(): Promise<void> {
  if (resolveChromiumPath(process.env, existsSync).source === "bundled") await prepareBundledChromium();
}
