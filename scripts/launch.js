// Runs a command's TypeScript entry as plain JavaScript: `node scripts/launch.js scripts/build.ts …`.
// Node 20 cannot strip types, and a loader such as tsx costs every command about a second before
// it starts (docs/performance.md), so the entry is bundled once per change of the sources
// (src/tools/compiled-entry.js) and the bundle is run. Where no bundle can be made or written,
// the entry runs through tsx instead: slower, never different.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compiledEntry } from "../src/tools/compiled-entry.js";

const root = path.resolve(import.meta.dirname, "..");
// The entry sees its own arguments at process.argv[2], as when run directly.
const [entry] = process.argv.splice(2, 1);
// Eleventy registers a module resolver for its own watch mode, which this project does not use
// (each build is a new Eleventy run); on Node 20 the resolver runs in a second thread and slows
// every later import. https://github.com/11ty/eleventy/issues/3371
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
const compiled = await compiledEntry(root, entry).catch(() => undefined);
if (compiled) {
  // Source maps are written beside the bundle but not read unless asked for (reading them costs
  // every start): NODE_OPTIONS=--enable-source-maps makes a stack trace name the TypeScript lines.
  await import(pathToFileURL(compiled).href);
} else {
  await import("tsx");
  await import(pathToFileURL(path.resolve(root, entry)).href);
}
