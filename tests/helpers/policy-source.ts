import { readFileSync } from "node:fs";
import path from "node:path";
import { fixturesDir } from "./site.ts";

/** The policy as archived, kept in the repository so the verbatim check runs in any clone. */
export const policySourcePath = path.join(fixturesDir, "policy-source.md");

/** The run-in labels of the source that the site turns into clause headings. */
export const CLAUSE_LABELS = [
  "Information You Give Us",
  "Automatic Information",
  "Businesses and Individuals",
  "Third-Party Service Providers",
  "Business Transfers",
  "Our Protection and Protection of Others",
  "With Your Consent",
];

export interface SourceText {
  title: string;
  provenance: string;
  /** Every sentence of the policy body, labels removed. */
  sentences: string[];
  /** The run-in labels found in the body. */
  labels: string[];
}

/** Splits the archived Markdown into what must reach the site word for word. */
export function readPolicySource(text = readFileSync(policySourcePath, "utf8")): SourceText {
  const lines = text.split("\n").map((line) => line.replace(/\s+$/, ""));
  const provenance = lines.find((l) => l.startsWith(">")) ?? "";
  const title = (lines.find((l) => l.startsWith("# ")) ?? "").slice(2);
  const sentences: string[] = [];
  const labels: string[] = [];
  for (const line of lines) {
    if (line === "" || line.startsWith(">") || line.startsWith("# ")) continue;
    let body = line;
    const label = CLAUSE_LABELS.find((l) => line.startsWith(`${l}: `));
    if (label) {
      labels.push(label);
      body = line.slice(label.length + 2);
    }
    sentences.push(...body.split(/(?<=[.?!])\s+(?=["A-Z])/));
  }
  return { title, provenance: provenance.replace(/^>\s*/, ""), sentences, labels };
}
