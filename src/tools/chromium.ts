/**
 * Headless Chromium for browser tests on any Linux machine with nothing but
 * `npm ci`: an explicit CHROMIUM_PATH wins, then a distro Chromium, then the
 * binary bundled (brotli-compressed) in @sparticuz/chromium.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";

export const SYSTEM_CHROMIUM_PATHS = [
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
] as const;

/**
 * Playwright already adds --headless, --no-sandbox (its default when
 * chromiumSandbox is off) and --disable-dev-shm-usage, and the bundled binary
 * is chrome-headless-shell, so nothing from @sparticuz/chromium's own `args`
 * is needed; verified by launching it here with exactly this list. Its other
 * flags were left out on purpose:
 * - --single-process / --no-zygote exist for AWS Lambda's prctl restrictions;
 *   they make one renderer crash kill the whole browser and are unsupported
 *   with several browser contexts.
 * - --disable-web-security, --allow-running-insecure-content and
 *   --disable-site-isolation-trials would hide the very CSP, CORS and
 *   mixed-content behaviour that the _headers tests must observe.
 * - --in-process-gpu / --use-angle=swiftshader only matter with a GPU stack,
 *   which --disable-gpu turns off.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox", // explicit for system Chromium too: user namespaces are often unavailable in CI containers
  "--disable-gpu", // there is no GPU in CI; avoids probing for one
  // The tests must be hermetic and offline: no calls home, no updates, no
  // sync, no first-run UI, and no QUIC attempts that only time out.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
] as const;

export type ChromiumChoice = { source: "CHROMIUM_PATH" | "system"; executablePath: string } | { source: "bundled" };

/** Pure so the precedence can be unit-tested with a fake environment and file system. */
export function resolveChromiumPath(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
): ChromiumChoice {
  const override = env.CHROMIUM_PATH;
  if (override) {
    // An override that points nowhere is a misconfiguration, not a reason to
    // silently test with a different browser.
    if (!exists(override)) throw new Error(`CHROMIUM_PATH is ${override}, which does not exist`);
    return { source: "CHROMIUM_PATH", executablePath: override };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => exists(path));
  return system ? { source: "system", executablePath: system } : { source: "bundled" };
}

export async function launchBrowser(): Promise<Browser> {
  const choice = resolveChromiumPath(process.env, existsSync);
  const { executablePath, env } =
    choice.source === "bundled"
      ? await prepareBundledChromium()
      : { executablePath: choice.executablePath, env: process.env };
  return chromium.launch({ executablePath, env, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * The Chromium inside @sparticuz/chromium, with its own fonts, whatever the machine has installed:
 * what `npm run build -- --pdf` prints with, so the PDFs are the same on every machine.
 */
export async function launchBundledBrowser(): Promise<Browser> {
  const { executablePath, env } = await prepareBundledChromium();
  return chromium.launch({ executablePath, env, headless: true, args: [...CHROMIUM_ARGS] });
}

let prepared: Promise<{ executablePath: string; env: NodeJS.ProcessEnv }> | undefined;

/**
 * Extracts the bundled Chromium once per machine and returns how to run it.
 *
 * @sparticuz/chromium's own executablePath() is unsafe with parallel Vitest
 * workers: it treats /tmp/chromium as ready as soon as the file exists, so a
 * second worker execs a half-written binary (seen here: 3 of 4 concurrent
 * launches failed with `spawn ETXTBSY`), and an interrupted run leaves a
 * truncated binary that is reused forever. So each caller extracts into its
 * own staging directory (by pointing the library's TMPDIR there, in a child
 * process so this process's tmpdir() is untouched) and publishes it with an
 * atomic rename; the losers of a race discard theirs and use the winner's.
 */
export function prepareBundledChromium(): Promise<{ executablePath: string; env: NodeJS.ProcessEnv }> {
  prepared ??= (async () => {
    // The package does not export its package.json, so find it from the entry point.
    const packageDir = join(dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")), "..", "..");
    const { version } = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as { version: string };
    // Versioned so an upgrade re-extracts; per user because the binary is mode 0700.
    const dir = join(tmpdir(), `sparticuz-chromium-${version}-uid${process.getuid?.() ?? 0}`);
    if (!existsSync(join(dir, "chromium"))) await extractInto(dir);
    return {
      executablePath: join(dir, "chromium"),
      env: {
        ...process.env,
        // The binary links against the system's NSS/NSPR, which slim images
        // lack; the library ships Amazon Linux 2023 builds of them, so always
        // use those for the same behaviour on every machine.
        LD_LIBRARY_PATH: [join(dir, "al2023", "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
        // Bundled Open Sans only, so text renders (and measures) identically
        // whether or not the machine has any fonts installed.
        FONTCONFIG_FILE: join(dir, "fonts.conf"),
      },
    };
  })();
  prepared.catch(() => (prepared = undefined)); // let a later call retry
  return prepared;
}

const EXTRACT_SCRIPT = `
const { default: Chromium } = await import("@sparticuz/chromium");
process.stdout.write(await Chromium.executablePath());
`;

async function extractInto(dir: string): Promise<void> {
  await removeAbandonedStaging(dir);
  const staging = await mkdtemp(`${dir}.partial-`);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "--eval", EXTRACT_SCRIPT], {
      cwd: dirname(fileURLToPath(import.meta.url)), // so the child resolves the same node_modules
      // AWS_EXECUTION_ENV makes the library also unpack its NSS libraries (al2023.tar.br).
      env: { ...process.env, TMPDIR: staging, AWS_EXECUTION_ENV: "AWS_Lambda_nodejs20.x" },
    });
    if (stdout !== join(staging, "chromium")) {
      throw new Error(`@sparticuz/chromium extracted to ${stdout}, expected ${join(staging, "chromium")}`);
    }
    // The library's own fonts.conf hard-codes /tmp/fonts.
    await writeFile(
      join(staging, "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${join(dir, "fonts", "fonts")}</dir>\n  <cachedir>${join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
    );
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (existsSync(join(dir, "chromium"))) return; // another process published first
    throw error;
  }
}

/** A killed run leaves a ~200 MB staging directory behind; reclaim ones too old to still be in progress. */
async function removeAbandonedStaging(dir: string): Promise<void> {
  const prefix = `${basename(dir)}.partial-`;
  for (const name of await readdir(dirname(dir))) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dirname(dir), name);
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    if (Date.now() - modified > 10 * 60_000) await rm(path, { recursive: true, force: true });
  }
}
