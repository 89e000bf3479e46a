// A command's TypeScript entry as plain JavaScript, for scripts/launch.js. The entry and
// everything of ours it imports are bundled by esbuild into node_modules/.cache/policy-site/,
// under a name made from the sources' digest: a changed source is compiled again before it runs,
// and nothing stale is ever run. JavaScript, because it runs before anything can load TypeScript.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What the bundles are made from; any change to these makes a new bundle. */
const SOURCES = ["src", "scripts", ".eleventy.ts", "tsconfig.json"];
const SOURCE_FILE = /\.(?:[cm]?[jt]s|json)$/;
/** Bundles of other digests older than this are removed when a new one is made. */
const KEEP_OLD_MS = 10 * 60 * 1000;

/** Every source file under `root`, sorted, as paths relative to it. */
export function sourceFiles(root) {
  return SOURCES.flatMap((name) => {
    const full = path.join(root, name);
    if (!existsSync(full)) return [];
    if (!statSync(full).isDirectory()) return [name];
    return readdirSync(full, { recursive: true })
      .map(String)
      .filter((file) => SOURCE_FILE.test(file))
      .map((file) => path.join(name, file));
  }).sort();
}

/** A digest of the project's location and of every source file's name and bytes. */
export function sourceDigest(root) {
  const hash = createHash("sha256").update(root);
  for (const file of sourceFiles(root)) hash.update(`\0${file}\0`).update(readFileSync(path.join(root, file)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * An esbuild plugin that gives each of our modules its own source location for
 * `import.meta.dirname`, `import.meta.filename` and `import.meta.url`, as when run from source
 * (a bundle would otherwise give them the bundle's location).
 */
export const sourceLocation = {
  name: "source-location",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path: file }) => {
      const values = { dirname: path.dirname(file), filename: file, url: pathToFileURL(file).href };
      const text = await readFile(file, "utf8");
      return {
        contents: text.replace(/\bimport\.meta\.(dirname|filename|url)\b/g, (_, key) => JSON.stringify(values[key])),
        loader: /\.[cm]?ts$/.test(file) ? "ts" : "js",
      };
    });
  },
};

/** Bundles `entry` (relative to `root`) into `outDir`; packages stay imports of node_modules. */
async function compile(root, entry, outDir) {
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Dynamic imports stay separate files, so what a command only sometimes needs
    // (html-validate with --validate-html) is still loaded only then.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "silent",
    plugins: [sourceLocation],
  });
}

/** The bundle of `entry` for the current sources, made first when there is none. */
export async function compiledEntry(root, entry) {
  const name = path.basename(entry).replace(/\.[cm]?[jt]s$/, "");
  const cache = path.join(root, "node_modules", ".cache", "policy-site");
  const dir = path.join(cache, `${name}-${sourceDigest(root)}`);
  const file = path.join(dir, `${name}.mjs`);
  if (existsSync(file)) return file;
  // Made beside the final folder and renamed into place, so two commands starting at once never
  // see half a bundle: the one that renames second keeps the first one's.
  const staging = `${dir}.staging-${process.pid}-${randomUUID().slice(0, 8)}`;
  mkdirSync(cache, { recursive: true });
  try {
    await compile(root, entry, staging);
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(file)) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  removeOldBundles(cache, name, dir);
  return file;
}

function removeOldBundles(cache, name, current) {
  for (const entry of readdirSync(cache)) {
    const dir = path.join(cache, entry);
    if (dir === current || !new RegExp(`^${name}-[0-9a-f]{16}\\b`).test(entry)) continue;
    if (Date.now() - statSync(dir).mtimeMs > KEEP_OLD_MS) rmSync(dir, { recursive: true, force: true });
  }
}
