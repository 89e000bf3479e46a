import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadPolicy, type Policy } from "./policy.ts";
import { type History, loadHistory } from "./revisions.ts";

/** Each kept result with the key of the files it was made from. */
const kept = new Map<string, { key: string; value: unknown }>();

function hashFolder(hash: Hash, dir: string): void {
  if (!existsSync(dir)) return void hash.update("\0missing\0");
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashFolder(hash.update(`\0dir ${entry.name}\0`), full);
    else if (entry.isFile()) hash.update(`\0${entry.name}\0`).update(readFileSync(full));
  }
}

/** A hash of every file in the folders, names and bytes, subfolders included: equal only when nothing was edited. */
export function contentKey(...dirs: string[]): string {
  const hash = createHash("sha256");
  for (const dir of dirs) hashFolder(hash.update(`\0root ${path.resolve(dir)}\0`), path.resolve(dir));
  return hash.digest("hex");
}

function keptUntilChanged<T>(slot: string, key: string, make: () => T): T {
  const entry = kept.get(slot);
  if (entry?.key === key) return entry.value as T;
  const value = make();
  kept.set(slot, { key, value });
  return value;
}

/**
 * `loadPolicy`, kept until a file in the folder changes. The build checks the policy before
 * Eleventy runs and Eleventy then asks for it as data: rendering 10,000 sections twice cost
 * seconds (docs/performance.md). Hashing the files is cheap next to rendering them.
 */
export function loadPolicyOnce(contentDir: string): Policy {
  return keptUntilChanged("policy", contentKey(contentDir), () => loadPolicy(contentDir));
}

/** `loadHistory`, kept the same way: it renders every archived version, and takes the current one from `loadPolicyOnce`. */
export function loadHistoryOnce(contentDir: string, historyDir: string): History {
  return keptUntilChanged("history", contentKey(contentDir, historyDir), () =>
    loadHistory(contentDir, historyDir, loadPolicyOnce(contentDir)),
  );
}

/** Lets the kept results be collected, once nothing more will ask for them. */
export function forgetPolicy(): void {
  kept.clear();
}
