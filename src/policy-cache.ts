import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadPolicy, type Policy } from "./policy.ts";

let kept: { key: string; policy: Policy } | undefined;

/** A hash of every file in a content folder, names and bytes: equal only when nothing was edited. */
export function contentKey(contentDir: string): string {
  const dir = path.resolve(contentDir);
  const hash = createHash("sha256").update(dir);
  const files = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile());
  for (const name of files.map((entry) => entry.name).sort()) {
    hash.update(`\0${name}\0`).update(readFileSync(path.join(dir, name)));
  }
  return hash.digest("hex");
}

/**
 * `loadPolicy`, kept until a file in the folder changes. The build checks the policy before
 * Eleventy runs and Eleventy then asks for it as data: rendering 10,000 sections twice cost
 * seconds (docs/performance.md). Hashing the files is cheap next to rendering them.
 */
export function loadPolicyOnce(contentDir: string): Policy {
  const key = contentKey(contentDir);
  if (kept?.key !== key) kept = { key, policy: loadPolicy(contentDir) };
  return kept.policy;
}

/** Lets the kept policy be collected, once nothing more will ask for it. */
export function forgetPolicy(): void {
  kept = undefined;
}
